import { PRINCIPLE_NAMES } from '../../model/risk-impact';
import { RISK_DECISIONS } from '../../model/risk-register-view';

// The register page's "add a risk" form and the appetite page's grid: pure, no NestJS.

/** The fields of the page's "add a risk" form, as the browser sends them. */
export const ADD_RISK_FIELDS = [
  'principle',
  'description',
  'likelihood',
  'likelihoodReason',
  'impact',
  'impactReason',
  'mitigationKind',
  'mitigationText',
  'clause',
  'owner',
  'decision',
  'reason',
] as const;

const REQUIRED: ReadonlyArray<[field: (typeof ADD_RISK_FIELDS)[number], problem: string]> = [
  ['principle', 'Choose the instrumental principle at risk.'],
  ['description', 'Describe the risk.'],
  ['likelihood', 'Rate the likelihood from 1 to 5.'],
  ['likelihoodReason', 'Say why this likelihood.'],
  ['impact', 'Rate the impact from 1 to 5.'],
  ['impactReason', 'Say why this impact.'],
  ['mitigationText', 'Describe the mitigation.'],
  ['owner', 'Name the owner of the risk.'],
  ['reason', 'Give the reason for adding the risk.'],
];

const SCALE = ['1', '2', '3', '4', '5'];
const rating = (value: string | undefined) => (value?.trim() ? Number(value) : undefined);
const filled = (value: string | undefined) => (value?.trim() ? value : undefined);

/**
 * The form as the API's AddRiskDto (so the page and `POST …/risk-register/rows` check the same input),
 * and every empty required field named at once: the service would name only the first.
 */
export function addRiskFromForm(form: Record<string, string>) {
  const missing = REQUIRED.filter(([field]) => !form[field]?.trim()).map(([, problem]) => problem);
  const likelihood = rating(form.likelihood);
  const impact = rating(form.impact);
  const mitigation = filled(form.mitigationText);
  return {
    missing,
    plain: {
      providerId: form.providerId ?? '',
      principle: filled(form.principle),
      description: filled(form.description),
      likelihood: likelihood === undefined ? undefined : { value: likelihood, reason: form.likelihoodReason ?? '' },
      impact: impact === undefined ? undefined : { value: impact, reason: form.impactReason ?? '' },
      mitigation:
        mitigation === undefined
          ? undefined
          : { kind: form.mitigationKind ?? '', text: mitigation, clause: filled(form.clause) ?? null },
      owner: filled(form.owner),
      decision: filled(form.decision),
      reason: form.reason ?? '',
    },
  };
}

/** The choices of the form, with what the officer typed (or the defaults) selected. */
export function addRiskChoices(form: Record<string, string> = {}) {
  const decision = form.decision || 'mitigate';
  const kind = form.mitigationKind || 'contract-condition';
  return {
    values: Object.fromEntries(ADD_RISK_FIELDS.map((field) => [field, form[field] ?? ''])),
    principles: Object.entries(PRINCIPLE_NAMES).map(([value, label]) => ({
      value,
      label,
      selected: value === form.principle,
    })),
    likelihoods: SCALE.map((value) => ({ value, selected: value === form.likelihood })),
    impacts: SCALE.map((value) => ({ value, selected: value === form.impact })),
    decisions: RISK_DECISIONS.map((value) => ({
      value,
      label: value[0].toUpperCase() + value.slice(1),
      selected: value === decision,
    })),
    kinds: [
      { value: 'contract-condition', label: 'a contract condition', selected: kind === 'contract-condition' },
      { value: 'agency-measure', label: 'an agency measure', selected: kind === 'agency-measure' },
    ],
  };
}

/** The residual scores (likelihood × impact) as a 5 × 5 grid, likelihood 5 on top, marking those above the appetite. */
export function appetiteGrid(appetite: number) {
  const scale = [1, 2, 3, 4, 5];
  return [...scale].reverse().map((likelihood) => ({
    likelihood,
    cells: scale.map((impact) => ({ impact, score: likelihood * impact, above: likelihood * impact > appetite })),
  }));
}

/**
 * The register's forms (add, change, remove, accept) share their field names: which field a refusal's
 * message is about, by the words the page's, the DTO's and the service's messages start with.
 */
export const RISK_FORM_FIELDS: Record<string, RegExp> = {
  principle: /^Choose the instrumental principle|instrumental principles/,
  description: /^Describe the risk|^The description/,
  likelihoodReason: /^Say why this likelihood|^The likelihood reason/,
  likelihood: /^Rate the likelihood|^Likelihood /,
  impactReason: /^Say why this impact|^The impact reason/,
  impact: /^Rate the impact|^Impact |^likelihood and impact/,
  mitigationKind: /^a mitigation is/i,
  mitigationText: /^Describe the mitigation|^The mitigation|^describe the mitigation/,
  owner: /^Name the owner|^The owner/,
  decision: /^The decision/,
  residualLikelihood: /^Residual likelihood/,
  residualImpact: /^Residual impact/,
  reason: /^Give the reason|needs a reason|needs your reasons/,
};

/** The element id of a field inside a form whose ids start with `prefix` (as the template names them). */
export function riskFieldId(prefix: string, field: string): string {
  const suffix: Record<string, string> = {
    likelihoodReason: 'likelihood-reason',
    impactReason: 'impact-reason',
    mitigationKind: 'kind',
    mitigationText: 'mitigation',
    residualLikelihood: 'rl',
    residualImpact: 'ri',
  };
  return `${prefix}-${suffix[field] ?? field}`;
}
