import {
  evaluateScoringModel,
  IMPACT_ASSESSMENT,
  IMPACT_ASSESSMENT_RESPONDENTS,
  importQuestionnaire,
} from '@probity/questionnaires';
import type { ScoringModelOutcome } from '@probity/rubric';
import { rankByScoringModel } from './model-ranking';

/*
 * Acceptance test of the declarative scoring model (issue 18) on a questionnaire written for the
 * suite (answers in libs/domain/questionnaires/src/fixtures/impact-assessment-respondents.ts), the
 * suite: libs/domain/questionnaires/src/fixtures/impact-assessment.ts. Every expected number below is
 * worked out by hand from the fixture's published points; nothing is computed by the code under test.
 *
 * Points (× weight) and maxima:
 *   impact (higher is riskier, maximum counts ALL questions, shown or not):
 *     purpose_decision 1/2/4 → 4 · affects_liberty 4 · reversible 0/2/4 → 4 · duration 1/2/3 → 3
 *     people_affected 1/2/3 → 3 · vulnerable_groups checkbox 2+2+1+0 → 5 · uses_personal_data 2
 *     special_categories 3 (if personal data) · uses_biometrics 2 · biometric_mode 2/4 → 4 (panel, if biometrics)
 *     realtime_public 4 (inside the panel, if real time) · model_type 0/1/2 → 2 · explainable 0/1/3 → 3
 *     third_party_model 1 · data_shared_abroad 2 · automation_level 0/2/4 × weight 2 → 8
 *     public_visibility 0/2/4 → 4 · novel_use 2
 *     impactMax = 4+4+4+3+3+5+2+3+2+4+4+2+3+1+2+8+4+2 = 60
 *   mitigation (higher is better, maximum counts VISIBLE questions only):
 *     2 points each for human_review, appeal_route, bias_testing (0/1/2), bias_test_frequency (1/2, if tested),
 *     dpia_done (if personal data), logging, log_retention (1/2, if logging), staff_training,
 *     incident_process, security_audit, public_notice, consultation, monitoring_plan;
 *     biometric_safeguards checkbox 1+1+1 = 3 (if biometrics). All shown: 13 × 2 + 3 = 29.
 *   riskScore = iif({mitigation} >= 0.75 * {mitigationMax}, {impact} * 0.9, {impact}), maximum {impactMax}
 *   levels by % of 60: level-1 < 25 ≤ level-2 < 50 ≤ level-3 < 75 ≤ level-4 (fails)
 *   a blank shown question counts as its group's worst answer: the highest impact, the lowest mitigation.
 */
const respondents = IMPACT_ASSESSMENT_RESPONDENTS;
const expected = {
  // impact: assists 1 + liberty 0 + easily 0 + short 1 + under-1k 1 + none 0 + personal 0 + biometrics 0
  //   + rules 0 + fully 0 + third party 0 + abroad 0 + in-loop 0×2 + internal 0 + novel 0 = 3
  //   (special_categories answered "yes" but hidden, since no personal data: not counted)
  // mitigation: human 2 + appeal 2 + independent 2 + quarterly 2 + logging 2 + 6-months-plus 2 + training 2
  //   + incident 2 + audit 2 + notice 2 + consultation 0 + monitoring 2 = 22
  //   visible maximum: 12 questions × 2 = 24 (no dpia, no biometric safeguards); 0.75 × 24 = 18 ≤ 22
  // riskScore = 3 × 0.9 = 2.7 → 2.7 / 60 = 4.5 % → level-1
  'Alpha Analytics': { impact: 3, mitigation: 22, mitigationMax: 24, riskScore: 2.7, percent: 4.5, level: 'level-1' },
  // impact: recommends 2 + liberty 4 + with-effort 2 + medium 2 + over-100k 3 + minors 2 + disabled 1
  //   + personal 2 + special 3 + biometrics 2 + real time 4 + public spaces 4 (nested: panel and question shown)
  //   + deep learning 2 + partly 1 + third party 1 + abroad 0 + on-loop 2×2 + public 4 + novel 2 = 45
  // mitigation: human 2 + appeal 2 + independent 2 + quarterly 2 + dpia 2 + logging 2 + 6-months-plus 2
  //   + training 2 + incident 2 + audit 0 + safeguards 1+1 + notice 2 + consultation 0 + monitoring 2 = 24
  //   visible maximum 29 (everything shown); 0.75 × 29 = 21.75 ≤ 24: reduced
  // riskScore = 45 × 0.9 = 40.5 → 40.5 / 60 = 67.5 % → level-3
  'Beta Vision': { impact: 45, mitigation: 24, mitigationMax: 29, riskScore: 40.5, percent: 67.5, level: 'level-3' },
  // impact as Beta Vision = 45
  // mitigation: human 2 + appeal 0 + internal 1 + yearly 1 + dpia 2 + logging 2 + under-6-months 1
  //   + training 2 + incident 0 + audit 2 + safeguards 1 + notice 0 + consultation 0 + monitoring 2 = 16
  //   0.75 × 29 = 21.75 > 16: no reduction
  // riskScore = 45 → 45 / 60 = 75 % → level-4 (the band starts at 75 inclusive), which fails
  'Gamma Systems': { impact: 45, mitigation: 16, mitigationMax: 29, riskScore: 45, percent: 75, level: 'level-4' },
  // impact: decides 4 + liberty 4 + irreversible 4 + long 3 + 1k-100k 2 + asylum 2 + personal 0 + biometrics 0
  //   (biometric_mode "realtime" and realtime_public answered, but the panel is hidden: not counted)
  //   + statistical 1 + not explainable 3 + third party 0 + abroad 2 + autonomous 4×2 + partners 2 + novel 0 = 35
  // mitigation: human 2 + appeal 2 + independent 2 + yearly 1 + logging 2 + under-6-months 1 + training 2
  //   + incident 2 + audit 2 + notice 0 + consultation 0 + monitoring 2 = 18
  //   visible maximum 24; 0.75 × 24 = 18 ≤ 18: reduced, exactly on the threshold
  // riskScore = 35 × 0.9 = 31.5 → 31.5 / 60 = 52.5 % → level-3
  'Delta Data': { impact: 35, mitigation: 18, mitigationMax: 24, riskScore: 31.5, percent: 52.5, level: 'level-3' },
  // As Alpha Analytics but people_affected and automation_level left blank: each counts as its worst
  // (highest) impact answer. impact: assists 1 + short 1 + blank 3 + blank 4×2 (all else 0) = 13
  // mitigation: human 2 + everything else no/none, monitoring_plan blank (worst = lowest = 0) = 2
  //   visible maximum: human, appeal, bias, logging, training, incident, audit, notice, consultation,
  //   monitoring = 10 × 2 = 20 (frequency, retention, dpia, safeguards hidden); 0.75 × 20 = 15 > 2
  // riskScore = 13 → 13 / 60 = 21.67 % → level-1
  'Epsilon Labs': {
    impact: 13,
    mitigation: 2,
    mitigationMax: 20,
    riskScore: 13,
    percent: 21.666666667,
    level: 'level-1',
  },
};

const imported = importQuestionnaire(JSON.stringify(IMPACT_ASSESSMENT));
if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
const definition = imported.definition;
const outcomes = Object.fromEntries(
  Object.entries(respondents).map(([name, answers]) => [
    name,
    evaluateScoringModel(definition, answers) as ScoringModelOutcome,
  ]),
);
const valueOf = (outcome: ScoringModelOutcome, name: string) => outcome.values.find((v) => v.name === name);

describe('a bilingual impact assessment with its own scoring model', () => {
  it('imports without a principle mapping, warning only about the unscored context questions', () => {
    expect(imported.ok && imported.warnings.map((warning) => warning.message.split('"')[1])).toEqual([
      'agency_name',
      'system_name',
      'contact_email',
      'system_description',
      'deployment_date',
      'notes',
    ]);
  });

  it.each(Object.entries(expected))('scores %s exactly as worked out by hand', (name, values) => {
    const outcome = outcomes[name];
    expect(valueOf(outcome, 'impact')).toEqual({ name: 'impact', value: values.impact, maximum: 60 });
    expect(valueOf(outcome, 'mitigation')).toEqual({
      name: 'mitigation',
      value: values.mitigation,
      maximum: values.mitigationMax,
    });
    expect(valueOf(outcome, 'riskScore')?.value).toBeCloseTo(values.riskScore, 9);
    expect(valueOf(outcome, 'riskScore')?.maximum).toBe(60);
    expect(outcome.level?.measured).toBeCloseTo(values.percent, 8);
    expect(outcome.level?.level).toBe(values.level);
    expect(outcome.level?.pass).toBe(values.level !== 'level-4');
  });

  it('ignores answers to hidden questions, also inside a hidden panel, and counts blanks as the worst answer', () => {
    const delta = outcomes['Delta Data'].groups[0].questions;
    expect(delta.find((q) => q.questionName === 'realtime_public')).toEqual({
      questionName: 'realtime_public',
      points: null,
      maximum: 4,
      status: 'hidden',
    });
    const epsilon = outcomes['Epsilon Labs'].groups;
    expect(epsilon[0].questions.find((q) => q.questionName === 'automation_level')).toEqual({
      questionName: 'automation_level',
      points: 8,
      maximum: 8,
      status: 'blank',
    });
    expect(epsilon[1].questions.find((q) => q.questionName === 'monitoring_plan')).toMatchObject({
      points: 0,
      status: 'blank',
    });
    expect(epsilon[1].questions.find((q) => q.questionName === 'log_retention')).toMatchObject({
      maximum: 0,
      status: 'hidden',
    });
  });

  it('ranks lowest risk first, by the derived risk score', () => {
    const ranking = rankByScoringModel(
      Object.entries(outcomes).map(([name, outcome]) => ({ providerId: name, name, outcome, knockedOut: false })),
    );
    // 2.7 < 13 < 31.5 < 40.5 < 45
    expect(ranking?.ranked.map((p) => [p.rank, p.name, p.level, p.pass])).toEqual([
      [1, 'Alpha Analytics', 'level-1', true],
      [2, 'Epsilon Labs', 'level-1', true],
      [3, 'Delta Data', 'level-3', true],
      [4, 'Beta Vision', 'level-3', true],
      [5, 'Gamma Systems', 'level-4', false],
    ]);
  });

  it('speaks English and French in every question, choice, html block and level', () => {
    const texts: unknown[] = [IMPACT_ASSESSMENT.title];
    const collect = (elements: Array<Record<string, unknown>>) => {
      for (const element of elements) {
        if (element['type'] === 'html') texts.push(element['html']);
        else texts.push(element['title']);
        for (const item of (element['choices'] as Array<{ text: unknown }> | undefined) ?? []) texts.push(item.text);
        if (Array.isArray(element['elements'])) collect(element['elements']);
      }
    };
    for (const page of IMPACT_ASSESSMENT.pages) collect(page.elements as Array<Record<string, unknown>>);
    for (const band of IMPACT_ASSESSMENT.scoringModel?.levels?.bands ?? []) texts.push(band.title);
    expect(texts.length).toBeGreaterThan(80);
    expect(texts.filter((entry) => typeof entry !== 'object' || !(entry as Record<string, string>)['fr'])).toEqual([]);
  });
});
