import { CORE_PRINCIPLES, CorePrincipleId, INSTRUMENTAL_PRINCIPLES } from '@probity/rubric';
import { compareProviders, ProviderResult } from './compare-providers';
import { comparisonMatrix, comparisonSeries, scoreBand, sensitivityStatement } from './comparison-view';
import { EQUAL_WEIGHTS } from './weights';

type Scores = [number | null, number | null, number | null, number | null, number | null];

const provider = (id: string, name: string, scores: Scores, knockedOut = false): ProviderResult => ({
  providerId: id,
  name,
  sheet: {
    core: Object.fromEntries(CORE_PRINCIPLES.map((p, i) => [p.id, scores[i]])) as Record<
      CorePrincipleId,
      number | null
    >,
    instrumental: { legitimacy: scores[0], accuracy: scores[1] } as never,
    overall: null,
  },
  findings: knockedOut
    ? [{ ruleId: 'ko', kind: 'knockout', severity: 'critical', title: 'Refuses audit', firedBy: [] }]
    : [],
  missingEvidence: [],
});

describe('scoreBand', () => {
  it('bands at 75 and 50 points and has no band without a score', () => {
    expect([100, 75, 74.9, 50, 49.99, 0].map(scoreBand)).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low']);
    expect([null, undefined, Number.NaN].map(scoreBand)).toEqual(['none', 'none', 'none']);
  });
});

describe('comparisonMatrix', () => {
  const comparison = compareProviders(
    [
      provider('b', 'Beta', [40, 60, null, 80, 100]),
      provider('a', 'Alpha', [90, 90, 90, 90, 90]),
      provider('k', 'Knocked', [100, 100, 100, 100, 100], true),
    ],
    EQUAL_WEIGHTS,
  );

  it('has one row per ranked provider in rank order and leaves disqualified providers out', () => {
    const matrix = comparisonMatrix(comparison, 'core');
    expect(matrix.columns.map((c) => c.id)).toEqual(CORE_PRINCIPLES.map((p) => p.id));
    expect(matrix.rows.map((r) => [r.name, r.rank])).toEqual([
      ['Alpha', 1],
      ['Beta', 2],
    ]);
    // Beta's overall renormalises over the four scored criteria: (40 + 60 + 80 + 100) / 4.
    expect(matrix.rows[1].overallText).toBe('70');
  });

  it('prints every value as text with its band, and n/a where there is no score', () => {
    const beta = comparisonMatrix(comparison, 'core').rows[1];
    expect(beta.cells.map((c) => [c.text, c.band])).toEqual([
      ['40', 'low'],
      ['60', 'medium'],
      ['n/a', 'none'],
      ['80', 'high'],
      ['100', 'high'],
    ]);
  });

  it('has a column for every instrumental principle at that level', () => {
    const matrix = comparisonMatrix(comparison, 'instrumental');
    expect(matrix.columns).toHaveLength(INSTRUMENTAL_PRINCIPLES.length);
    const alpha = matrix.rows[0];
    expect(alpha.cells.find((c) => c.principle === 'accuracy')?.value).toBe(90);
    expect(alpha.cells.find((c) => c.principle === 'privacy')).toMatchObject({ value: null, text: 'n/a' });
  });

  it('gives the charts the ranked providers in rank order', () => {
    expect(comparisonSeries(comparison).map((s) => [s.name, s.values['fairness']])).toEqual([
      ['Alpha', 90],
      ['Beta', 80],
    ]);
  });
});

describe('sensitivityStatement', () => {
  it('says the ranking is robust when no ±10 move changes it and nobody is close', () => {
    const statement = sensitivityStatement(
      compareProviders(
        [provider('a', 'Alpha', [90, 90, 90, 90, 90]), provider('b', 'Beta', [50, 50, 50, 50, 50])],
        EQUAL_WEIGHTS,
      ),
    );
    expect(statement.robust).toBe(true);
    expect(statement.sentences).toEqual([
      "Moving any criterion's weight by up to 10 points (the others rescaled to keep 100) does not change the ranking.",
    ]);
  });

  it('names the weight move that changes the leader and the close pair', () => {
    // Equal weights: Alpha 58, Beta 56.4. Lawfulness at 10 and the rest at 22.5: Alpha 54, Beta 57.2.
    const comparison = compareProviders(
      [provider('a', 'Alpha', [90, 50, 50, 50, 50]), provider('b', 'Beta', [50, 58, 58, 58, 58])],
      EQUAL_WEIGHTS,
    );
    const statement = sensitivityStatement(comparison);
    expect(statement.robust).toBe(false);
    expect(statement.sentences).toContain('Lowering Lawfulness by 10 points puts Beta first and Beta overtakes Alpha.');
    expect(statement.sentences).not.toContainEqual(expect.stringMatching(/^Raising Lawfulness/));
    expect(statement.sentences).toContain(
      'Alpha and Beta are 1.6 points apart, within the margin of 2 points: treat their order as a near tie.',
    );
    // Every weight move that changes a rank has its own sentence.
    const changed = comparison.sensitivity.cases.filter((c) => c.changed).length;
    expect(statement.sentences.filter((s) => /^(Raising|Lowering)/.test(s))).toHaveLength(changed);
  });

  it('explains why one or no ranked provider has nothing to test', () => {
    expect(sensitivityStatement(compareProviders([], EQUAL_WEIGHTS)).sentences).toEqual([
      'No provider is ranked, so there is no ranking to test.',
    ]);
    const single = sensitivityStatement(
      compareProviders(
        [provider('a', 'Alpha', [90, 90, 90, 90, 90]), provider('k', 'Knocked', [99, 99, 99, 99, 99], true)],
        EQUAL_WEIGHTS,
      ),
    );
    expect(single).toEqual({
      robust: true,
      sentences: ['Only Alpha is ranked, so no weight change can alter the ranking.'],
    });
  });
});
