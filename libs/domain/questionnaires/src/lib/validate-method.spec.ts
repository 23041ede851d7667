import { NOT_APPLICABLE } from '@probity/rubric';
import { RESPONSIBLE_AI_HIGH_RISK } from '../bank/responsible-ai-bank';
import { evaluateRules } from './rules';
import { validateAnswers } from './validate-answers';

const problemsFor = (answers: Record<string, unknown>, forSubmit = true) =>
  validateAnswers(RESPONSIBLE_AI_HIGH_RISK, { scope_rbi: true, ...answers }, { forSubmit }).filter((problem) =>
    Object.keys(answers).includes(problem.questionName),
  );

describe('answer validation of the method’s tables and counts', () => {
  const allRows = {
    women: 'within-2',
    men: 'within-2',
    'under-25': 'larger-gap',
    'over-60': 'within-2',
    'darker-skin': 'within-2',
    'lighter-skin': 'within-2',
  };

  it('refuses a partial table on submit, naming the rows left out, and accepts it while saving', () => {
    const partial = { women: 'within-2', men: 'within-2' };
    const [problem] = problemsFor({ fair_group_results: partial });
    expect(problem.code).toBe('incomplete-table');
    expect(problem.message).toMatch(
      /every row.*missing: People under 25, People over 60, Darker skin tones, Lighter skin tones/,
    );
    expect(problemsFor({ fair_group_results: partial }, false)).toEqual([]);
    expect(problemsFor({ fair_group_results: allRows })).toEqual([]);
  });

  it('accepts N/A only on the rows the method allows it for', () => {
    expect(
      problemsFor({
        fair_group_results: { ...allRows, 'darker-skin': NOT_APPLICABLE, 'lighter-skin': NOT_APPLICABLE },
      }),
    ).toEqual([]);
    const [refused] = problemsFor({ fair_group_results: { ...allRows, women: NOT_APPLICABLE } });
    expect(refused.message).toMatch(/Not applicable.*row “women”/);
  });

  it('asks for whole counts of the confusion matrix', () => {
    expect(problemsFor({ acc_fpr: 2.5 })[0].message).toMatch(/whole number/);
    expect(problemsFor({ acc_fpr: 12 })).toEqual([]);
  });

  it('flags a false positive rate of 5 % or more computed from the counts, never from a provider’s own rate', () => {
    const flagged = (fp: number, tn: number) =>
      evaluateRules(RESPONSIBLE_AI_HIGH_RISK, { scope_rbi: true, acc_fpr: fp, acc_tn: tn }).some(
        (finding) => finding.ruleId === 'rf-high-false-positives',
      );
    expect([flagged(85, 915), flagged(50, 950), flagged(49, 951), flagged(6, 994)]).toEqual([true, true, false, false]);
    expect(evaluateRules(RESPONSIBLE_AI_HIGH_RISK, { scope_rbi: true }).map((f) => f.ruleId)).not.toContain(
      'rf-high-false-positives',
    );
  });
});
