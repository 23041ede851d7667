import type { ElementDefinition, RuleDefinition } from '../lib/definition';
import { scopeQuestionnaire } from '../lib/case-scope';
import { localised } from '../lib/localise';
import { evaluateRules } from '../lib/rules';
import { questionsOf } from '../lib/walk';
import { RESPONSIBLE_AI_HIGH_RISK as BANK, RESPONSIBLE_AI_LIGHT } from './responsible-ai-bank';

const questions = new Map(questionsOf(BANK).map(({ question, page }) => [question.name, { question, page }]));
const question = (name: string): ElementDefinition => {
  const found = questions.get(name);
  if (!found) throw new Error(`no question ${name}`);
  return found.question;
};
const rules = new Map<string, RuleDefinition & { kind: string }>([
  ...(BANK.knockouts ?? []).map((rule) => [rule.id, { ...rule, kind: 'knockout' }] as const),
  ...(BANK.redFlags ?? []).map((rule) => [rule.id, { ...rule, kind: 'red-flag' }] as const),
]);

/** The corrections of issue 15, question by question: what the bank must now cite and how it is tagged. */
describe('AI Act content corrections (issue 15)', () => {
  it.each<[name: string, expected: Partial<ElementDefinition>]>([
    [
      'rbi_emotion_categorisation',
      { aiAct: 'Annex III 1(b), 1(c), 6(b); Art. 5(1)(f)', principle: 'legitimacy', weight: 0 },
    ],
    ['rbi_sensitive_categorisation', { aiAct: 'Art. 5(1)(g)', principle: 'legitimacy', weight: 0 }],
    ['fair_scraped_data', { aiAct: 'Art. 5(1)(e)', principle: 'legitimacy', weight: 0 }],
    ['rp_profiling_only', { aiAct: 'Art. 5(1)(d)', principle: 'legitimacy', weight: 0 }],
    ['art5_declaration', { aiAct: 'Art. 5(1)', principle: 'legitimacy', weight: 0, isRequired: true }],
    ['art5_social_scoring', { aiAct: 'Art. 5(1)(c)', weight: 0 }],
    ['ha_support_not_replace', { otherLaw: 'Directive (EU) 2016/680 Art. 11' }],
    ['ho_review_before_action', { otherLaw: 'Directive (EU) 2016/680 Art. 11' }],
    ['law_proportionality_controls', { otherLaw: 'Directive (EU) 2016/680 Art. 11' }],
    ['ho_two_person', { aiAct: 'Art. 14(5)' }],
    ['acc_test_conditions', { aiAct: 'Art. 9(6)-(8)' }],
    ['acc_drift', { aiAct: 'Art. 15(4); Art. 72' }],
    ['law_eu_database', { aiAct: 'Art. 49; Art. 49(4); Art. 26(8); Art. 71' }],
    ['tx_ai_interaction_disclosure', { aiAct: 'Art. 50', principle: 'transparency-explainability' }],
    ['gov_gpai_upstream', { aiAct: 'Art. 25(4); Art. 53(1)(b)', principle: 'accountability' }],
    ['fair_special_category_bias', { aiAct: 'Art. 10(5)', principle: 'non-discrimination' }],
    ['fair_data_provenance', { principle: 'traceability-auditability' }],
    ['harm_hosting', { principle: 'privacy' }],
    ['rbi_threshold', { principle: 'human-oversight' }],
    ['eff_benefit_cost', { principle: 'efficiency' }],
    ['eff_support_years', { principle: 'accountability' }],
    ['vul_other_groups', { principle: 'vulnerable-groups', aiAct: 'Art. 9(9)' }],
    ['red_fria_cooperation', { aiAct: 'Art. 26(9); Art. 27' }],
  ])('%s', (name, expected) => {
    expect(question(name)).toMatchObject(expected);
  });

  it('cites Art. 26(10) only as the post-remote biometric identification rule', () => {
    const citing = questionsOf(BANK).filter(({ question: q }) => q.aiAct?.includes('26(10)'));
    expect(citing.map(({ question: q }) => q.name).sort()).toEqual([
      'ha_support_not_replace',
      'ho_review_before_action',
      'law_proportionality_controls',
      'rbi_mode',
    ]);
    for (const { question: q } of citing) expect(q.aiAct).toMatch(/26\(10\) \(post-remote/);
  });

  it('says Art. 14(5) two-person verification can be waived by law for law enforcement', () => {
    expect(localised(question('ho_two_person').description)).toMatch(/Union or national law derogates/);
    expect(localised(rules.get('rf-no-two-person-check')?.explanation)).toMatch(/derogates/);
  });

  it('narrows fair_scraped_data to facial recognition databases built by untargeted scraping', () => {
    expect(localised(question('fair_scraped_data').title)).toMatch(/create or expand a facial recognition database/);
  });

  it('cites MCC-AI clauses by title, never by an unverified number', () => {
    const cited = [...questionsOf(BANK).map(({ question: q }) => q.mcc), ...[...rules.values()].map((r) => r.mcc)];
    expect(cited.filter((mcc) => mcc && /\b(Art\.|Section [A-Z]\b)/.test(mcc))).toEqual([]);
  });

  it('removes duplicated and agency-side questions', () => {
    for (const name of ['tx_auditor_disclosure', 'law_impact_assessment_support', 'law_less_intrusive'])
      expect(questions.has(name)).toBe(false);
    expect(rules.has('rf-refuses-auditor-disclosure')).toBe(false);
  });

  it.each<[id: string, expected: Partial<RuleDefinition> & { kind: string }]>([
    ['ko-emotion-categorisation', { kind: 'knockout', basis: 'agency-policy', aiAct: 'Annex III 1(b), 1(c), 6(b)' }],
    ['ko-sensitive-categorisation', { kind: 'knockout', basis: 'law', aiAct: 'Art. 5(1)(g)' }],
    ['ko-social-scoring', { kind: 'knockout', basis: 'law', aiAct: 'Art. 5(1)(c)' }],
    ['ko-no-art5-declaration', { kind: 'knockout', basis: 'law', expression: '{art5_declaration} = false' }],
    ['ko-trains-on-agency-data', { kind: 'knockout', expression: "{priv_training_on_agency_data} = 'yes-default'" }],
    ['ko-no-stop', { kind: 'knockout', aiAct: 'Art. 14(4)(e)', expression: '{ho_stop} = false' }],
    ['rf-undisclosed-subprocessors', { kind: 'red-flag', severity: 'high' }],
    ['rf-outside-eu', { kind: 'red-flag', severity: 'high' }],
    ['rf-unregistered-high-risk', { kind: 'red-flag', severity: 'high', aiAct: 'Art. 49; Art. 26(8)' }],
    ['rf-benchmark-only', { kind: 'red-flag', aiAct: 'Art. 9(6)-(8)' }],
    ['rf-no-drift-monitoring', { kind: 'red-flag', aiAct: 'Art. 15(4); Art. 72' }],
    [
      'rf-trains-on-agency-data',
      { kind: 'red-flag', expression: "{priv_training_on_agency_data} = 'anonymised-default'" },
    ],
  ])('rule %s', (id, expected) => {
    expect(rules.get(id)).toMatchObject(expected);
  });

  it('labels the policy knock-out as policy, not law', () => {
    expect(localised(rules.get('ko-emotion-categorisation')?.title)).toMatch(/^Agency policy:/);
    const lawful = [...rules.values()].filter((rule) => rule.basis !== 'agency-policy');
    expect(lawful.filter((rule) => /^Agency policy/.test(localised(rule.title))).map((rule) => rule.id)).toEqual([]);
  });

  it('makes an unregistered high-risk system a condition before use, only for high-risk cases', () => {
    const answers = { law_eu_database: false };
    const ids = (annexIII: Array<'6d'>) =>
      evaluateRules(
        scopeQuestionnaire(BANK, { annexIII, remoteBiometricIdentification: 'none', personalData: true }),
        answers,
      ).map((finding) => finding.ruleId);
    expect(ids(['6d'])).toContain('rf-unregistered-high-risk');
    expect(ids([])).not.toContain('rf-unregistered-high-risk');
  });

  it('asks the Art. 5 gates in the light variant too', () => {
    const light = new Set(questionsOf(RESPONSIBLE_AI_LIGHT).map(({ question: q }) => q.name));
    for (const name of ['art5_declaration', 'art5_social_scoring', 'rbi_sensitive_categorisation', 'fair_scraped_data'])
      expect(light.has(name)).toBe(true);
    expect(RESPONSIBLE_AI_LIGHT.knockouts?.map((rule) => rule.id)).toEqual(
      expect.arrayContaining(['ko-no-art5-declaration', 'ko-no-stop', 'ko-trains-on-agency-data']),
    );
  });
});
