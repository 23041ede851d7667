import { InstrumentalPrincipleId, RubricItem } from '@probity/rubric';
import { compareProviders, recompareWithWeights } from './compare-providers';
import { ScoringInputError } from './errors';
import { scoreResponse } from './score-response';
import { provider } from './testing/comparison-fixtures';
import { item, PUBLISHED } from './testing/rubric-fixtures';
import { EQUAL_WEIGHTS, shiftWeight } from './weights';

describe('compareProviders: weights', () => {
  const providers = [provider('x', [90, 70, 70, 50, 70]), provider('y', [70, 70, 70, 100, 70])];

  it('re-ranks from stored sheets when the officer changes the weights', () => {
    const moved = shiftWeight(PUBLISHED, 'fairness', 10);
    const recompared = recompareWithWeights(providers, moved);
    expect(recompared.ranked.map((r) => r.providerId)).toEqual(['y', 'x']);
    expect(recompared.ranked[0].overall).toBeCloseTo(76, 9);
    expect(recompared.weights).toEqual(moved);
  });

  it('refuses invalid weights with every problem named', () => {
    let error: unknown;
    try {
      recompareWithWeights(providers, { ...PUBLISHED, fairness: 20, lawfulness: -10 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScoringInputError);
    expect((error as ScoringInputError).problems).toEqual(['criteria weights: Lawfulness: must be between 0 and 100']);
    expect(() => compareProviders(providers, { ...PUBLISHED, fairness: 20 })).toThrow(
      'criteria weights: weights must add up to 100 (they add up to 110)',
    );
  });

  it('refuses duplicate providers and a nonsensical shift or margin', () => {
    expect(() => compareProviders([providers[0], providers[0]], PUBLISHED, { shift: 0, margin: -1 })).toThrow(
      new ScoringInputError([
        'shift must be between 0 and 100 points',
        'margin must be 0 or more points',
        'provider x appears twice',
      ]),
    );
  });

  it('recomputes core scores from instrumental ones under new principle weights', () => {
    const yesNo = (questionName: string, principle: InstrumentalPrincipleId): RubricItem =>
      item({ questionName, principle, scoring: { kind: 'single-choice', points: { yes: 100, no: 0 } } });
    const items = [yesNo('acc', 'accuracy'), yesNo('wb', 'wellbeing')];
    const sheetOf = (answers: Record<string, string>) => scoreResponse(items, answers, { weights: EQUAL_WEIGHTS });
    const stored = [
      {
        providerId: 'acc',
        name: 'Accurate',
        sheet: sheetOf({ acc: 'yes', wb: 'no' }),
        findings: [],
        missingEvidence: [],
      },
      {
        providerId: 'wb',
        name: 'Careful',
        sheet: sheetOf({ acc: 'no', wb: 'yes' }),
        findings: [],
        missingEvidence: [],
      },
    ];
    // Both 50 by default; accuracy weighing 3: (3×100 + 0) / 4 = 75 against 25.
    expect(compareProviders(stored, EQUAL_WEIGHTS).ranked.map((r) => r.overall)).toEqual([50, 50]);
    const reweighed = compareProviders(stored, EQUAL_WEIGHTS, { principleWeights: { accuracy: 3 } });
    expect(reweighed.ranked.map((r) => [r.providerId, r.overall])).toEqual([
      ['acc', 75],
      ['wb', 25],
    ]);
    expect(reweighed.principleWeights?.accuracy).toBe(3);
  });

  it('reads answers awaiting the panel from a full stored sheet', () => {
    const sheet = scoreResponse(
      [
        item({ questionName: 'story', title: 'Story', principle: 'accountability', scoring: { kind: 'manual' } }),
        item({
          questionName: 'audit',
          title: 'Audit',
          principle: 'accountability',
          scoring: { kind: 'single-choice', points: { yes: 100 } },
        }),
      ],
      { story: 'We log everything.', audit: 'yes' },
      { weights: EQUAL_WEIGHTS },
    );
    const [ranked] = compareProviders(
      [{ providerId: 'p', name: 'P', sheet, findings: [], missingEvidence: [] }],
      EQUAL_WEIGHTS,
    ).ranked;
    expect(ranked.awaitingPanel).toEqual(['story']);
  });
});
