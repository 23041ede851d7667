import { BUILT_IN_QUESTIONNAIRES, QuestionnaireDefinition } from '@probity/questionnaires';
import { NOT_APPLICABLE } from '@probity/rubric';
import { claimVerdicts, confirmedClaims, evidenceClaims, isEvidenceVerdict, scorerVerdicts } from './evidence-claims';
import {
  EVIDENCE_CHECK_LANGUAGES,
  EVIDENCE_CHECK_MESSAGES,
  evidenceCheckLanguage,
  fill,
} from './evidence-check.messages';

const definition = BUILT_IN_QUESTIONNAIRES.find((q) => q.key === 'responsible-ai-high-risk')!
  .definition as QuestionnaireDefinition;

describe('evidenceClaims', () => {
  const answers = { harm_security_testing: 'independent-12m', acc_test_conditions: NOT_APPLICABLE, law_misuse: 'x' };
  const files = [
    { id: 'f1', questionName: 'harm_security_testing', fileName: 'pentest.pdf' },
    { id: 'f2', questionName: 'acc_test_report', fileName: 'accuracy.pdf' },
  ];

  it('lists answered questions that require evidence, with the chosen answer and their own files', () => {
    const claims = evidenceClaims(definition, answers, files);
    expect(claims).toEqual([
      {
        questionName: 'harm_security_testing',
        title: 'When was the system last penetration-tested, and by whom?',
        claim: 'Independent test in the last 12 months, report available',
        files: [files[0]],
      },
    ]);
  });

  it('lists a claim without files (it cannot be confirmed) and leaves out N/A and unanswered ones', () => {
    const claims = evidenceClaims(definition, { ...answers, priv_subprocessors: 'listed' }, []);
    expect(claims.map((claim) => [claim.questionName, claim.files.length])).toEqual(
      expect.arrayContaining([['harm_security_testing', 0]]),
    );
    expect(claims.map((claim) => claim.questionName)).not.toContain('acc_test_conditions');
    expect(claims.map((claim) => claim.questionName)).not.toContain('fair_bias_testing');
  });
});

describe('claimVerdicts', () => {
  const verdict = (questionName: string, evaluatorId: string, supports: boolean) => ({
    questionName,
    evaluatorId,
    supports,
  });

  it('confirms a claim on a strict majority of the panel members who checked it; a tie is not confirmation', () => {
    const verdicts = claimVerdicts([
      verdict('b', 'ann', true),
      verdict('a', 'ann', true),
      verdict('a', 'bob', true),
      verdict('a', 'cat', false),
      verdict('b', 'bob', false),
      verdict('c', 'ann', false),
    ]);
    expect(verdicts).toEqual([
      { questionName: 'a', confirmed: true, supports: 2, doesNotSupport: 1 },
      { questionName: 'b', confirmed: false, supports: 1, doesNotSupport: 1 },
      { questionName: 'c', confirmed: false, supports: 0, doesNotSupport: 1 },
    ]);
    expect(confirmedClaims(verdicts)).toEqual({ a: true, b: false, c: false });
    expect([...scorerVerdicts(verdicts)]).toEqual([
      ['a', 'supports'],
      ['b', 'does-not-support'],
      ['c', 'does-not-support'],
    ]);
  });

  it('has nothing for claims nobody checked', () => {
    expect(claimVerdicts([])).toEqual([]);
    expect(confirmedClaims([])).toEqual({});
  });

  it('accepts only the two verdicts', () => {
    expect(['supports', 'does-not-support', 'maybe', undefined].map(isEvidenceVerdict)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('the evidence check page wording', () => {
  it.each(EVIDENCE_CHECK_LANGUAGES)('%s has every message, with the English placeholders', (language) => {
    const english = EVIDENCE_CHECK_MESSAGES.en;
    const messages = EVIDENCE_CHECK_MESSAGES[language];
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();
    for (const key of Object.keys(english) as Array<keyof typeof english>) {
      expect(messages[key].trim()).not.toBe('');
      expect([key, placeholders(messages[key])]).toEqual([key, placeholders(english[key])]);
    }
  });

  it('prefers ?lang=, then the browser, then English', () => {
    expect(evidenceCheckLanguage('ar', () => 'fr')).toBe('ar');
    expect(evidenceCheckLanguage('de', () => 'es')).toBe('es');
    expect(evidenceCheckLanguage(undefined, () => false)).toBe('en');
    expect(fill(EVIDENCE_CHECK_MESSAGES.fr.back, { organisation: 'Acme' })).toBe('Retour à la notation de Acme');
  });
});
