import { NOT_APPLICABLE, RubricItem } from '@probity/rubric';
import type { ScoreSheet } from '../score-response';
import type { CriteriaWeights } from '../weights';

export const item = (overrides: Partial<RubricItem> & Pick<RubricItem, 'questionName' | 'principle'>): RubricItem => ({
  title: overrides.questionName,
  weight: 1,
  required: true,
  naAllowed: false,
  evidenceRequired: false,
  visible: true,
  scoring: { kind: 'single-choice', points: { yes: 100, partly: 50, no: 0 } },
  ...overrides,
});

export const ITEMS: RubricItem[] = [
  // accuracy (minimization of harm): question weights 2 and 1
  item({ questionName: 'acc1', principle: 'accuracy', weight: 2 }),
  item({
    questionName: 'acc2',
    principle: 'accuracy',
    scoring: {
      kind: 'numeric-bands',
      bands: [
        { max: 5, points: 100 },
        { min: 5, points: 20 },
      ],
    },
  }),
  // robustness and safety: answered N/A where allowed; hidden by logic (answered, and unanswered but required)
  item({ questionName: 'rob1', principle: 'robustness-safety', naAllowed: true }),
  item({ questionName: 'rob2', principle: 'robustness-safety', visible: false }),
  item({ questionName: 'rob3', principle: 'robustness-safety', visible: false }),
  // human oversight: a checkbox, and a required question left unanswered
  item({
    questionName: 'ho1',
    principle: 'human-oversight',
    scoring: { kind: 'multiple-choice', points: { a: 60, b: 60, c: 10 } },
  }),
  item({ questionName: 'ho2', principle: 'human-oversight' }),
  // accountability: free text for the panel, and an optional question left unanswered
  item({ questionName: 'gov1', principle: 'accountability', scoring: { kind: 'manual' } }),
  item({ questionName: 'gov2', principle: 'accountability', required: false }),
  // non-discrimination: a matrix
  item({
    questionName: 'fair1',
    principle: 'non-discrimination',
    scoring: { kind: 'matrix', points: { tested: 100, gap: 40, untested: 0 } },
  }),
  // legitimacy: informative only (weight 0)
  item({ questionName: 'info', principle: 'legitimacy', weight: 0 }),
];

export const ANSWERS = {
  acc1: 'partly', // 50
  acc2: 7, // 7 is in [5, ∞) → 20
  rob1: NOT_APPLICABLE,
  rob2: 'yes', // hidden: never scored
  ho1: ['a', 'b'], // 60 + 60 = 120, capped at 100
  // ho2 unanswered but required → 0
  gov1: 'We have a documented accountability policy.', // panel score 3 → 75
  fair1: { women: 'tested', men: 'gap' }, // (100 + 40) / 2 = 70
  info: 'no',
};

export const PANEL = { gov1: 3 };

export const PUBLISHED: CriteriaWeights = {
  lawfulness: 30,
  'minimization-of-harm': 30,
  'human-autonomy': 20,
  fairness: 10,
  'good-governance': 10,
};

export const byName = (sheet: ScoreSheet) => Object.fromEntries(sheet.questions.map((q) => [q.questionName, q]));
