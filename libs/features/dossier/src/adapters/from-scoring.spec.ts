import { BUILT_IN_QUESTIONNAIRES, QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import { NOT_APPLICABLE } from '@probity/rubric';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import { DOSSIER_INPUT_SCHEMA_VERSION } from '../model/dossier-input';
import { answerText } from './from-scoring';

type Question = QuestionnaireDefinition['pages'][number]['elements'][number];
const bank = BUILT_IN_QUESTIONNAIRES.flatMap((q) => questionsOf(q.definition).map((l) => l.question));
const question = (name: string) => bank.find((q) => q.name === name) as Question;

describe('answerText', () => {
  it('prints choice labels, not stored values, and falls back to the value when no choice matches', () => {
    expect(answerText(question('fair_bias_testing'), 'independent')).toBe(
      'Independent audit with disaggregated results',
    );
    expect(answerText(question('fair_bias_testing'), 'something-else')).toBe('something-else');
  });

  it('prints a matrix answer with the rows’ and columns’ texts', () => {
    expect(answerText(question('fair_group_results'), { women: 'within-2', 'under-25': 'not-tested' })).toBe(
      'Women: Tested, gap within 2 points; People under 25: Not tested',
    );
  });

  it('prints yes/no, not applicable, numbers with their unit, files and empty answers', () => {
    expect(answerText(question('red_correction'), true)).toBe('Yes');
    expect(answerText(question('red_correction'), false)).toBe('No');
    expect(answerText(question('red_correction'), NOT_APPLICABLE)).toBe('Not applicable');
    expect(answerText(question('eff_support_years'), 7)).toBe('7 years');
    expect(answerText(undefined, [{ name: 'report.pdf' }, { name: 'annex.pdf' }])).toBe('report.pdf; annex.pdf');
    expect(answerText(question('red_correction'), undefined)).toBe('');
    expect(answerText(question('red_correction'), null)).toBe('');
    expect(answerText(undefined, 'free text <b>kept as text</b>')).toBe('free text <b>kept as text</b>');
  });
});

describe('dossierInputFromScoring (through the sample)', () => {
  const input = sampleDossierInput();

  it('produces the current input shape with standings, recommendation and charts', () => {
    expect(input.schemaVersion).toBe(DOSSIER_INPUT_SCHEMA_VERSION);
    expect(input.providers.map((p) => p.standing)).toEqual([
      { kind: 'ranked', rank: 1 },
      { kind: 'ranked', rank: 2 },
      { kind: 'disqualified' },
    ]);
    expect(input.comparison.recommendedProviderId).toBe(input.providers[0].id);
    expect(input.comparison.rows.map((r) => r.providerId)).toEqual(input.providers.map((p) => p.id));
    expect(input.case.aiActClassification.highRisk).toBe(true);
    expect(input.charts.comparison).toMatch(/^<svg/);
    for (const provider of input.providers) expect(provider.charts.principles).toMatch(/^<svg/);
  });

  it('prints matrix answers with row texts in the providers’ answers', () => {
    const groups = input.providers[0].answers.find((a) => a.questionName === 'fair_group_results');
    expect(groups?.answer).toMatch(/^Women: /);
  });

  it('prints the answers that fired a knock-out as people read them', () => {
    const blackbox = input.providers[2];
    expect(blackbox.knockouts.flatMap((k) => k.firedBy)).toEqual(
      expect.arrayContaining([
        {
          questionName: 'aud_independent_audit',
          questionTitle:
            'Will you give independent auditors access to test the system and to inspect its model, code, training documentation and logs?',
          answer: 'No',
        },
      ]),
    );
  });
});
