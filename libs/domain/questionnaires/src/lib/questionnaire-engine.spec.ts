import { NOT_APPLICABLE } from '@probity/rubric';
import type { QuestionnaireDefinition } from './definition';
import { exportQuestionnaire, importQuestionnaire } from './import-questionnaire';
import { isRightToLeft, localised } from './localise';
import { toRubricItems } from './rubric-items';
import { evaluateRules } from './rules';
import { validateAnswers } from './validate-answers';
import { draftVersion, publishVersion, PublishedVersionImmutableError, reviseDefinition } from './versioning';
import { contentHash } from './content-hash';

const sample: QuestionnaireDefinition = {
  title: { default: 'Sample', fr: 'Exemple' },
  pages: [
    {
      name: 'scope',
      elements: [{ type: 'boolean', name: 'biometric', title: 'Biometric?', isRequired: true }],
    },
    {
      name: 'main',
      elements: [
        {
          type: 'radiogroup',
          name: 'audit',
          title: { default: 'Audit access?', fr: 'Accès pour audit ?' },
          principle: 'traceability-auditability',
          isRequired: true,
          naAllowed: true,
          choices: [
            { value: 'full', text: 'Full', score: 100 },
            { value: 'refuse', text: 'Refuse', score: 0 },
          ],
        },
        {
          type: 'checkbox',
          name: 'defences',
          title: 'Defences',
          principle: 'robustness-safety',
          choices: [
            { value: 'a', score: 60 },
            { value: 'b', score: 60 },
          ],
        },
        {
          type: 'text',
          inputType: 'number',
          name: 'fpr',
          title: 'False positive rate',
          unit: '%',
          min: 0,
          max: 100,
          principle: 'accuracy',
          scoreBands: [
            { max: 5, points: 100 },
            { min: 5, points: 0 },
          ],
        },
        { type: 'text', inputType: 'date', name: 'since', title: 'In service since', principle: 'accountability' },
        { type: 'comment', name: 'method', title: 'Method', principle: 'transparency-explainability', maxLength: 20 },
        { type: 'file', name: 'report', title: 'Report', principle: 'accuracy', evidenceRequired: true },
        {
          type: 'matrix',
          name: 'groups',
          title: 'Per group',
          principle: 'non-discrimination',
          rows: ['women', 'men'],
          columns: [
            { value: 'tested', score: 100 },
            { value: 'untested', score: 0 },
          ],
        },
        {
          type: 'panel',
          name: 'biometric_panel',
          visibleIf: '{biometric} = true',
          elements: [
            {
              type: 'boolean',
              name: 'two_person',
              title: 'Two-person check?',
              principle: 'human-oversight',
              isRequired: true,
            },
          ],
        },
        {
          type: 'text',
          name: 'contact',
          title: 'Contact e-mail',
          inputType: 'email',
          requiredIf: "{audit} = 'refuse'",
        },
      ],
    },
  ],
  knockouts: [
    {
      id: 'ko-audit',
      title: 'Refuses audit',
      explanation: 'No audit access',
      expression: "{audit} = 'refuse'",
      severity: 'critical',
    },
  ],
  redFlags: [
    {
      id: 'rf-fpr',
      title: 'High FPR',
      explanation: 'Too many false positives',
      expression: '{fpr} >= 5',
      severity: 'high',
    },
    {
      id: 'rf-two',
      title: 'No two-person check',
      explanation: 'Needed for biometrics',
      expression: '{two_person} = false',
      severity: 'high',
    },
  ],
};

const problemsFor = (answers: Record<string, unknown>, forSubmit = false) =>
  validateAnswers(sample, answers, { forSubmit }).map((problem) => `${problem.questionName}: ${problem.message}`);

describe('answer validation', () => {
  it('accepts a complete valid response', () => {
    expect(
      problemsFor(
        {
          biometric: true,
          audit: 'full',
          defences: ['a'],
          fpr: 2.5,
          since: '2024-02-29',
          method: 'short',
          report: [{ name: 'eval.pdf' }],
          groups: { women: 'tested', men: 'untested' },
          two_person: true,
        },
        true,
      ),
    ).toEqual([]);
  });

  it('checks every question type and names the question in each message', () => {
    const problems = problemsFor({
      biometric: 'yes',
      audit: 'partial',
      defences: ['a', 'a'],
      fpr: 150,
      since: '2024-02-30',
      method: 'much longer than twenty characters',
      report: 'eval.pdf',
      groups: { children: 'tested' },
      contact: 'not-an-email',
    });
    expect(problems).toEqual([
      'biometric: “Biometric?”: answer yes or no.',
      'audit: “Audit access?”: “partial” is not one of the offered choices.',
      'defences: “Defences”: a choice is selected twice.',
      'fpr: “False positive rate”: must be at most 100 %.',
      'since: “In service since”: must be a date (YYYY-MM-DD).',
      'method: “Method”: at most 20 characters.',
      'report: “Report”: attach evidence files through the upload field.',
      'groups: “Per group”: the table has no row “children”.',
      'contact: “Contact e-mail”: must be an e-mail address.',
    ]);
  });

  it('never requires a hidden question, and requires a visible one on submit', () => {
    expect(problemsFor({ biometric: false, audit: 'full' }, true)).toEqual([]);
    expect(problemsFor({ biometric: true, audit: 'full' }, true)).toEqual([
      'two_person: “Two-person check?”: an answer is required.',
    ]);
  });

  it('applies requiredIf conditions', () => {
    expect(problemsFor({ biometric: false, audit: 'refuse' }, true)).toEqual([
      'contact: “Contact e-mail”: an answer is required.',
    ]);
  });

  it('accepts “not applicable” only where the question allows it', () => {
    expect(problemsFor({ biometric: false, audit: NOT_APPLICABLE }, true)).toEqual([]);
    expect(problemsFor({ biometric: false, audit: 'full', fpr: NOT_APPLICABLE })).toEqual([
      'fpr: “False positive rate”: “Not applicable” is not accepted for this question.',
    ]);
  });

  it('rejects answers to questions that do not exist', () => {
    expect(problemsFor({ injected: 'x' })).toEqual([
      'injected: There is no question named "injected" in this questionnaire.',
    ]);
  });

  it('shows messages in the provider’s language where a translation exists', () => {
    const [problem] = validateAnswers(sample, { audit: 'nope' }, { forSubmit: false, locale: 'fr' });
    expect(problem.title).toBe('Accès pour audit ?');
  });
});

describe('rubric items', () => {
  it('maps each principled question to its scoring with visibility evaluated', () => {
    const hidden = toRubricItems(sample, { biometric: false });
    const visible = toRubricItems(sample, { biometric: true });
    expect(hidden.find((item) => item.questionName === 'two_person')?.visible).toBe(false);
    expect(visible.find((item) => item.questionName === 'two_person')).toMatchObject({
      visible: true,
      required: true,
      scoring: { kind: 'single-choice', points: { true: 100, false: 0 } },
    });
    const byName = Object.fromEntries(visible.map((item) => [item.questionName, item.scoring]));
    expect(byName.audit).toEqual({ kind: 'single-choice', points: { full: 100, refuse: 0 } });
    expect(byName.defences).toEqual({ kind: 'multiple-choice', points: { a: 60, b: 60 } });
    expect(byName.fpr).toEqual({
      kind: 'numeric-bands',
      bands: [
        { max: 5, points: 100 },
        { min: 5, points: 0 },
      ],
    });
    expect(byName.groups).toEqual({
      kind: 'matrix',
      points: { tested: 100, untested: 0 },
      rows: ['women', 'men'],
      naRows: [],
    });
    expect(byName.method).toEqual({ kind: 'manual' });
    expect(byName.report).toEqual({ kind: 'manual' });
    expect(visible.find((item) => item.questionName === 'report')?.evidenceRequired).toBe(true);
    expect(visible.map((item) => item.questionName)).not.toContain('contact');
  });
});

describe('rules', () => {
  it('fires knock-outs and red flags citing the answers that fired them', () => {
    const findings = evaluateRules(sample, { biometric: true, audit: 'refuse', fpr: 7, two_person: false });
    expect(findings.map((finding) => [finding.kind, finding.ruleId])).toEqual([
      ['knockout', 'ko-audit'],
      ['red-flag', 'rf-fpr'],
      ['red-flag', 'rf-two'],
    ]);
    expect(findings[1].firedBy).toEqual([{ questionName: 'fpr', answer: 7 }]);
  });

  it('never fires on a hidden question’s answer', () => {
    const findings = evaluateRules(sample, { biometric: false, audit: 'full', two_person: false });
    expect(findings).toEqual([]);
  });
});

describe('import and export', () => {
  it('round-trips: import → export → import gives the same definition, unknown properties kept', () => {
    const withExtras = { ...sample, customToolSetting: { theme: 'dark' } };
    const first = importQuestionnaire(JSON.stringify(withExtras));
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const second = importQuestionnaire(exportQuestionnaire(first.definition));
    if (!second.ok) throw new Error(JSON.stringify(second.errors));
    expect(second.definition).toEqual(first.definition);
    expect(second.definition.customToolSetting).toEqual({ theme: 'dark' });
    expect(contentHash(second.definition)).toBe(contentHash(withExtras));
  });

  it('accepts a single-page questionnaire given as root elements', () => {
    const result = importQuestionnaire({ elements: [{ type: 'text', name: 'q1' }] });
    expect(result.ok && result.definition.pages[0].elements[0].name).toBe('q1');
  });

  it('lists every problem with its JSON path', () => {
    const result = importQuestionnaire({
      pages: [
        {
          name: 'p',
          visibleIf: '{a} = = 1',
          elements: [
            { type: 'radiogroupp', name: 'a' },
            { type: 'text', name: 'a' },
            { type: 'radiogroup', name: 'b', choices: [{ value: 'x', score: 150 }] },
            { type: 'boolean', name: 'c', principle: 'speed' },
          ],
        },
      ],
      knockouts: [{ id: 'k', expression: '{missing} = 1', severity: 'critical' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: '$.pages[0].visibleIf', message: expect.stringMatching(/cannot parse/) },
      { path: '$.pages[0].elements[0].type', message: 'unknown question type "radiogroupp"' },
      { path: '$.pages[0].elements[1].name', message: 'duplicate name "a" (also at $.pages[0].elements[0])' },
      { path: '$.pages[0].elements[2].principle', message: 'scored question "b" must name its principle' },
      { path: '$.pages[0].elements[2].choices[0].score', message: 'points must be a number from 0 to 100' },
      { path: '$.pages[0].elements[3].principle', message: '"speed" is not a Toolkit instrumental principle' },
      { path: '$.knockouts[0].expression', message: 'refers to unknown question "missing"' },
    ]);
  });

  it('reports invalid JSON clearly', () => {
    const result = importQuestionnaire('{"pages": [');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].message).toMatch(/^not valid JSON/);
  });
});

describe('versioning', () => {
  it('keeps published versions immutable and starts a new version on edit', () => {
    const draft = draftVersion('bank', sample);
    const edited = reviseDefinition(draft, { ...sample, title: 'Edited' });
    expect(edited.version).toBe(1);
    const published = publishVersion(edited, new Date('2026-01-01'));
    expect(() => publishVersion(published, new Date())).toThrow(PublishedVersionImmutableError);
    const next = reviseDefinition(published, { ...sample, title: 'Second' });
    expect(next).toMatchObject({ version: 2, status: 'draft' });
    expect(next.contentHash).not.toBe(published.contentHash);
    expect(published.definition.title).toBe('Edited');
  });
});

describe('localisation', () => {
  it('falls back to the default text and knows right-to-left locales', () => {
    expect(localised({ default: 'Yes', fr: 'Oui' }, 'fr-CA')).toBe('Oui');
    expect(localised({ default: 'Yes', fr: 'Oui' }, 'es')).toBe('Yes');
    expect(isRightToLeft('ar')).toBe(true);
    expect(isRightToLeft('fr')).toBe(false);
  });
});
