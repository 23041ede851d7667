import ExcelJS from 'exceljs';
import { INSTRUMENTAL_PRINCIPLES, isInstrumentalPrincipleId } from '@probity/rubric';
import { importQuestionnaire } from '../lib/import-questionnaire';
import { offlineWorkbook } from '../lib/offline-workbook';
import { parseExpression } from '../lib/survey-engine';
import { toRubricItems } from '../lib/rubric-items';
import { evaluateRules } from '../lib/rules';
import { validateAnswers } from '../lib/validate-answers';
import { questionsOf } from '../lib/walk';
import { CaseScope, scopeQuestionnaire } from '../lib/case-scope';
import { hasTranslation, localised } from '../lib/localise';
import { BUILT_IN_QUESTIONNAIRES, describeBank } from './index';
import { RESPONSIBLE_AI_HIGH_RISK, RESPONSIBLE_AI_LIGHT } from './responsible-ai-bank';

const scoped = (definition = RESPONSIBLE_AI_HIGH_RISK) => questionsOf(definition);
const POST_RBI: CaseScope = { annexIII: ['1a'], remoteBiometricIdentification: 'post', personalData: true };
const NOT_HIGH_RISK: CaseScope = { annexIII: [], remoteBiometricIdentification: 'none', personalData: true };

describe('built-in responsible-AI question bank', () => {
  it.each(BUILT_IN_QUESTIONNAIRES.map((entry) => [entry.key, entry.definition] as const))(
    '%s imports without errors',
    (_key, definition) => {
      const result = importQuestionnaire(JSON.stringify(definition));
      expect(result.ok ? [] : result.errors).toEqual([]);
    },
  );

  it('has 60–100 questions in the high-risk version, every one mapped to a Toolkit principle', () => {
    const questions = scoped();
    expect(questions.length).toBeGreaterThanOrEqual(60);
    expect(questions.length).toBeLessThanOrEqual(100);
    // The parts of a confusion matrix are scored through the FP and FN questions that read them.
    const parts = new Set(questions.flatMap(({ question }) => Object.values(question.confusionMatrix?.fields ?? {})));
    const unmapped = questions
      .filter(({ question }) => !isInstrumentalPrincipleId(question.principle) && !parts.has(question.name))
      .map(({ question }) => question.name);
    expect(unmapped).toEqual([]);
  });

  it('covers all 17 instrumental principles', () => {
    const covered = new Set(scoped().map(({ question }) => question.principle));
    expect(INSTRUMENTAL_PRINCIPLES.filter((principle) => !covered.has(principle.id)).map((p) => p.id)).toEqual([]);
  });

  it('gives every question help text and asks for evidence where claims need proof', () => {
    expect(
      scoped()
        .filter(({ question }) => !question.description)
        .map(({ question }) => question.name),
    ).toEqual([]);
    expect(scoped().filter(({ question }) => question.evidenceRequired).length).toBeGreaterThanOrEqual(8);
  });

  it('has at least 8 knock-out and 15 red-flag rules, each parsing and naming existing questions', () => {
    const names = new Set([
      ...questionsOf(RESPONSIBLE_AI_HIGH_RISK).map(({ question }) => question.name),
      'case_high_risk',
      'case_rbi',
    ]);
    const rules = [...(RESPONSIBLE_AI_HIGH_RISK.knockouts ?? []), ...(RESPONSIBLE_AI_HIGH_RISK.redFlags ?? [])];
    expect(RESPONSIBLE_AI_HIGH_RISK.knockouts?.length).toBeGreaterThanOrEqual(8);
    expect(RESPONSIBLE_AI_HIGH_RISK.redFlags?.length).toBeGreaterThanOrEqual(15);
    for (const rule of rules) {
      const parsed = parseExpression(rule.expression);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) for (const variable of parsed.variables) expect(names.has(variable)).toBe(true);
    }
  });

  it('cites an AI Act article or contract clause on most scored questions', () => {
    const scored = scoped().filter(({ question }) => (question.weight ?? 1) > 0);
    const referenced = scored.filter(({ question }) => question.aiAct || question.mcc);
    expect(referenced.length / scored.length).toBeGreaterThan(0.6);
  });

  it('switches the biometric sections on only when the case scope is remote biometric identification', () => {
    const nonBiometric = toRubricItems(scopeQuestionnaire(RESPONSIBLE_AI_HIGH_RISK, NOT_HIGH_RISK), {});
    const biometric = toRubricItems(scopeQuestionnaire(RESPONSIBLE_AI_HIGH_RISK, POST_RBI), {});
    const visible = (items: typeof biometric) => items.filter((item) => item.visible).map((item) => item.questionName);
    expect(visible(nonBiometric)).not.toContain('rbi_mode');
    expect(visible(nonBiometric)).not.toContain('law_conformity');
    expect(visible(biometric)).toEqual(
      expect.arrayContaining(['rbi_mode', 'ho_two_person', 'law_conformity', 'aud_rbi_log']),
    );
    expect(visible(biometric)).not.toContain('rp_local_validation');
    expect(visible(nonBiometric)).toContain('rp_profiling_only');
  });

  it('knocks out a provider who refuses audit access and flags missing disaggregated results', () => {
    const findings = evaluateRules(scopeQuestionnaire(RESPONSIBLE_AI_HIGH_RISK, POST_RBI), {
      aud_independent_audit: 'refuse',
      fair_bias_testing: 'aggregate-only',
    });
    expect(findings.map((finding) => finding.ruleId)).toEqual(['ko-no-audit-access', 'rf-no-disaggregated-results']);
  });

  it('asks the light variant a subset, with only the rules its questions support', () => {
    const light = new Set(questionsOf(RESPONSIBLE_AI_LIGHT).map(({ question }) => question.name));
    const full = new Set(questionsOf(RESPONSIBLE_AI_HIGH_RISK).map(({ question }) => question.name));
    expect(light.size).toBeLessThan(full.size / 2);
    expect([...light].every((name) => full.has(name))).toBe(true);
    expect(RESPONSIBLE_AI_LIGHT.knockouts?.length).toBeGreaterThan(0);
    expect(importQuestionnaire(RESPONSIBLE_AI_LIGHT).ok).toBe(true);
  });

  it('carries French for page titles and the prohibited-practices declaration', () => {
    const untranslated = RESPONSIBLE_AI_HIGH_RISK.pages.filter((page) => !hasTranslation(page.title, 'fr'));
    expect(untranslated.map((page) => page.name)).toEqual([]);
    expect(
      localised(RESPONSIBLE_AI_HIGH_RISK.pages.find((page) => page.name === 'prohibited-practices')?.title, 'fr'),
    ).toMatch(/^Pratiques d’IA interdites/);
  });

  it('asks no scoping question: a provider answer by an old scoping name is refused', () => {
    expect(questionsOf(RESPONSIBLE_AI_HIGH_RISK).filter(({ question }) => question.name.startsWith('scope_'))).toEqual(
      [],
    );
    const problems = validateAnswers(RESPONSIBLE_AI_HIGH_RISK, { scope_rbi: true }, { forSubmit: false });
    expect(problems.map((problem) => problem.code)).toEqual(['unknown-question']);
  });

  it('lists principles → questions with references for the review page', () => {
    const view = describeBank(RESPONSIBLE_AI_HIGH_RISK);
    expect(view.core).toHaveLength(5);
    expect(view.core.flatMap((core) => core.instrumental)).toHaveLength(17);
    const oversight = view.core.flatMap((core) => core.instrumental).find((p) => p.id === 'human-oversight');
    expect(oversight?.questions.find((q) => q.name === 'ho_stop')?.references.aiAct).toBe('Art. 14(4)(e)');
    expect(view.unmapped.map((q) => q.name)).toEqual(['acc_threshold', 'acc_test_set', 'acc_tp', 'acc_tn']);
  });

  it('exports a blank questionnaire as a spreadsheet providers can prepare offline', async () => {
    const buffer = await offlineWorkbook(RESPONSIBLE_AI_HIGH_RISK);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Questionnaire')!;
    expect(sheet.rowCount).toBe(questionsOf(RESPONSIBLE_AI_HIGH_RISK).length + 1);
    expect(sheet.getRow(1).getCell(3).value).toBe('Question');
    const accuracy = sheet.getColumn(2).values.indexOf('acc_fpr');
    expect(sheet.getRow(accuracy).getCell(5).value).toBe('Number, from 0');
  });
});
