import { RESPONSIBLE_AI_HIGH_RISK } from '../bank/responsible-ai-bank';
import {
  ANNEX_III_POINTS,
  CaseScope,
  caseScopeOf,
  checkCaseScope,
  describeCaseScope,
  scopeQuestionnaire,
} from './case-scope';
import { importQuestionnaire } from './import-questionnaire';
import { toRubricItems } from './rubric-items';
import { evaluateRules } from './rules';
import { evaluateLogic, offeredChoices } from './survey-engine';
import { validateAnswers } from './validate-answers';
import { questionsOf } from './walk';

const POST_RBI: CaseScope = { annexIII: ['1a'], remoteBiometricIdentification: 'post', personalData: true };
const PROFILING: CaseScope = { annexIII: ['6d', '6e'], remoteBiometricIdentification: 'none', personalData: true };
const NOT_HIGH_RISK: CaseScope = { annexIII: [], remoteBiometricIdentification: 'none', personalData: false };

const visibleNames = (definition = RESPONSIBLE_AI_HIGH_RISK, answers = {}) =>
  [...evaluateLogic(definition, answers)].filter(([, state]) => state.visible).map(([name]) => name);

describe('case scope set by the officer', () => {
  it('offers the policing-relevant Annex III points: 1(a)-(c), 6(a)-(e), 7 and 8, and no "crime analytics"', () => {
    expect(ANNEX_III_POINTS).toEqual(['1a', '1b', '1c', '6a', '6b', '6c', '6d', '6e', '7', '8']);
  });

  it.each([
    [{ annexIII: ['6d'], remoteBiometricIdentification: 'none', personalData: true }, []],
    [{ annexIII: [], remoteBiometricIdentification: 'none', personalData: false }, []],
    [{ annexIII: ['crime-analytics'], remoteBiometricIdentification: 'none', personalData: true }, [/not one of/]],
    [{ annexIII: ['6e', '6e'], remoteBiometricIdentification: 'none', personalData: true }, [/twice/]],
    [{ annexIII: ['6d'], remoteBiometricIdentification: 'post', personalData: true }, [/include 1a/]],
    [{ annexIII: ['1a'], remoteBiometricIdentification: 'none', personalData: true }, [/real time or post/]],
    [{ annexIII: ['1a'], remoteBiometricIdentification: 'live', personalData: true }, [/one of none, post/]],
    [{ annexIII: '6(d)', remoteBiometricIdentification: 'none', personalData: 'yes' }, [/list/, /true or false/]],
    [null, [/must be an object/]],
  ])('checks %j', (input, expected) => {
    const problems = checkCaseScope(input);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(problems[index]).toMatch(pattern));
  });

  it('reads a stored scope in Annex III order and refuses an old-style classification', () => {
    expect(caseScopeOf({ annexIII: ['6e', '1a'], remoteBiometricIdentification: 'post', personalData: true })).toEqual({
      annexIII: ['1a', '6e'],
      remoteBiometricIdentification: 'post',
      personalData: true,
    });
    expect(caseScopeOf({ annexIII: '6(d)', biometric: false, riskAssessmentOfPersons: true })).toBeUndefined();
  });

  it('describes the scope for pages and the dossier', () => {
    expect(describeCaseScope(POST_RBI)).toBe(
      'Annex III 1(a): remote biometric identification (post-remote identification)',
    );
    expect(describeCaseScope(NOT_HIGH_RISK)).toMatch(/^Not high-risk/);
  });

  it('decides the sections from the case scope alone', () => {
    const biometric = visibleNames(scopeQuestionnaire(RESPONSIBLE_AI_HIGH_RISK, POST_RBI));
    const profiling = visibleNames(scopeQuestionnaire(RESPONSIBLE_AI_HIGH_RISK, PROFILING));
    const light = visibleNames(scopeQuestionnaire(RESPONSIBLE_AI_HIGH_RISK, NOT_HIGH_RISK));
    expect(biometric).toEqual(expect.arrayContaining(['rbi_mode', 'ho_two_person', 'aud_rbi_log', 'law_conformity']));
    expect(biometric).not.toContain('rp_factors');
    expect(profiling).toEqual(expect.arrayContaining(['rp_factors', 'vul_scores_children', 'law_conformity']));
    expect(profiling).not.toContain('rbi_mode');
    expect(light).not.toEqual(expect.arrayContaining(['law_conformity']));
    expect(light).not.toContain('priv_retention');
    // The Art. 5 declaration is asked whatever the scope.
    for (const names of [biometric, profiling, light]) expect(names).toContain('art5_declaration');
  });

  it('gives two providers who would have scoped differently the same questions, denominators and knock-outs', () => {
    const definition = scopeQuestionnaire(RESPONSIBLE_AI_HIGH_RISK, POST_RBI);
    // The first provider tries the old scoping answers and the reserved scope variables themselves.
    const narrow = {
      scope_rbi: false,
      scope_risk_persons: false,
      case_high_risk: false,
      case_annex_iii: [],
      case_rbi: 'none',
      aud_logging: 'no',
      rbi_mode: 'realtime-open',
      ho_two_person: false,
    };
    const broad = {
      scope_rbi: true,
      scope_risk_persons: true,
      aud_logging: 'no',
      rbi_mode: 'realtime-open',
      ho_two_person: false,
    };
    const applicable = (answers: Record<string, unknown>) =>
      toRubricItems(definition, answers).map(({ questionName, visible, required, weight, principle }) => ({
        questionName,
        visible,
        required,
        weight,
        principle,
      }));
    expect(applicable(narrow)).toEqual(applicable(broad));
    const fired = (answers: Record<string, unknown>) =>
      evaluateRules(definition, answers).map((finding) => finding.ruleId);
    expect(fired(narrow)).toEqual(fired(broad));
    expect(fired(narrow)).toEqual(expect.arrayContaining(['ko-no-logging', 'rf-no-two-person-check']));
    // Post-remote identification: the real-time knock-out does not apply, whoever answers what.
    expect(fired(narrow)).not.toContain('ko-realtime-uncontrolled');
    expect(validateAnswers(definition, narrow, { forSubmit: false }).map((problem) => problem.questionName)).toEqual([
      'scope_rbi',
      'scope_risk_persons',
      'case_high_risk',
      'case_annex_iii',
      'case_rbi',
    ]);
  });

  it('names only questions, never scope variables, as what made a rule fire', () => {
    const definition = scopeQuestionnaire(RESPONSIBLE_AI_HIGH_RISK, POST_RBI);
    const [finding] = evaluateRules(definition, { aud_logging: 'no' });
    expect(finding.ruleId).toBe('ko-no-logging');
    expect(finding.firedBy).toEqual([{ questionName: 'aud_logging', answer: 'no' }]);
  });

  it('does not offer the Art. 6(3) exception when the scope includes profiling (Art. 6(3), last subparagraph)', () => {
    const question = questionsOf(RESPONSIBLE_AI_HIGH_RISK).find(
      ({ question: q }) => q.name === 'law_ai_act_role',
    )!.question;
    const values = (scope: CaseScope) =>
      offeredChoices(scopeQuestionnaire(RESPONSIBLE_AI_HIGH_RISK, scope), question, {}).map((choice) =>
        typeof choice === 'object' ? choice.value : choice,
      );
    expect(values(NOT_HIGH_RISK)).toContain('derogation');
    expect(values(PROFILING)).not.toContain('derogation');
    const problems = validateAnswers(
      scopeQuestionnaire(RESPONSIBLE_AI_HIGH_RISK, PROFILING),
      { law_ai_act_role: 'derogation' },
      { forSubmit: false },
    );
    expect(problems.map((problem) => problem.questionName)).toEqual(['law_ai_act_role']);
  });

  it('refuses a questionnaire that names a question with the reserved prefix', () => {
    const result = importQuestionnaire({
      pages: [{ name: 'p', elements: [{ type: 'boolean', name: 'case_high_risk' }] }],
    });
    expect(result.ok ? [] : result.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/reserved for the case scope/),
    ]);
  });
});
