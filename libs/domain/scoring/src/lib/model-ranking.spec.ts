import type { ScoringModelOutcome } from '@probity/rubric';
import { ModelRankingEntry, rankByScoringModel } from './model-ranking';

const BANDS = ['red', 'amber', 'green'];
const outcome = (
  value: number | null,
  levelIndex: number | null,
  ranking: ScoringModelOutcome['ranking'],
  direction: ScoringModelOutcome['direction'] = 'higher-is-better',
): ScoringModelOutcome => ({
  direction,
  groups: [],
  values: [{ name: 'total', value, maximum: 10 }],
  level: {
    of: 'total',
    measured: value,
    basis: 'points',
    level: levelIndex === null ? null : BANDS[levelIndex],
    index: levelIndex,
    pass: levelIndex === null ? null : levelIndex > 0,
  },
  ranking,
});
const entry = (name: string, model: ScoringModelOutcome | null, knockedOut = false): ModelRankingEntry => ({
  providerId: name.toLowerCase(),
  name,
  outcome: model,
  knockedOut,
});
const summary = (entries: ModelRankingEntry[]) =>
  rankByScoringModel(entries)?.ranked.map((p) => `${p.rank ?? '-'} ${p.name} ${p.level} ${p.pass ? 'pass' : 'fail'}`);

describe('ranking by a questionnaire’s own scoring model', () => {
  const byValue = { by: 'value', value: 'total' } as const;

  it('ranks highest first when higher is better, ties sharing a rank, knocked-out and valueless providers apart', () => {
    const ranking = rankByScoringModel([
      entry('Cedar', outcome(7, 2, byValue)),
      entry('Birch', outcome(7.0000000001, 2, byValue)),
      entry('Aspen', outcome(4, 1, byValue)),
      entry('Dogwood', outcome(9, 2, byValue), true),
      entry('Elm', outcome(null, null, byValue)),
    ]);
    expect(ranking?.ranked.map((p) => [p.rank, p.name])).toEqual([
      [1, 'Birch'],
      [1, 'Cedar'],
      [3, 'Aspen'],
    ]);
    expect(ranking?.unplaced.map((p) => p.name)).toEqual(['Elm']);
    expect(ranking?.disqualified).toEqual(['dogwood']);
  });

  it('ranks lowest first when higher is riskier', () => {
    const risk = (value: number) => outcome(value, 0, byValue, 'higher-is-riskier');
    expect(
      summary([entry('A', risk(30)), entry('B', risk(12)), entry('C', risk(20))])?.map((s) => s.slice(0, 3)),
    ).toEqual(['1 B', '2 C', '3 A']);
  });

  it('ranks by level: a better band first, equal bands sharing a rank whatever their values', () => {
    const byLevel = { by: 'level' } as const;
    expect(
      summary([
        entry('A', outcome(3, 0, byLevel)),
        entry('B', outcome(6, 2, byLevel)),
        entry('C', outcome(9, 2, byLevel)),
      ]),
    ).toEqual(['1 B green pass', '1 C green pass', '3 A red fail']);
    const riskLevels = (index: number) => outcome(index, index, byLevel, 'higher-is-riskier');
    expect(summary([entry('A', riskLevels(2)), entry('B', riskLevels(0))])).toEqual(['1 B red fail', '2 A green pass']);
  });

  it('ranks nobody under "none": each provider passes or fails by its level', () => {
    const none = { by: 'none' } as const;
    expect(summary([entry('B', outcome(8, 2, none)), entry('A', outcome(2, 0, none))])).toEqual([
      '- A red fail',
      '- B green pass',
    ]);
  });

  it('is null when no provider has a model outcome (the questionnaire has no model)', () => {
    expect(rankByScoringModel([entry('A', null)])).toBeNull();
  });
});
