import type { CorePrincipleId, InstrumentalPrincipleId } from '@probity/rubric';
import type { ProviderFinding, ProviderResult } from '../comparison-types';

export type Scores = [number | null, number | null, number | null, number | null, number | null];

export const core = ([lawfulness, harm, autonomy, fairness, governance]: Scores): Record<
  CorePrincipleId,
  number | null
> => ({
  lawfulness,
  'minimization-of-harm': harm,
  'human-autonomy': autonomy,
  fairness,
  'good-governance': governance,
});

export const KNOCKOUT: ProviderFinding = {
  ruleId: 'ko-no-audit',
  kind: 'knockout',
  severity: 'critical',
  title: 'Refuses independent audit',
  firedBy: [{ questionName: 'audit', answer: 'refuse' }],
};
export const RED_FLAG: ProviderFinding = {
  ruleId: 'rf-no-bias-test',
  kind: 'red-flag',
  severity: 'high',
  title: 'No bias testing on the deployment population',
  firedBy: [{ questionName: 'biasTesting', answer: 'no' }],
};

export const provider = (
  id: string,
  scores: Scores,
  extra: Partial<Omit<ProviderResult, 'sheet'>> & {
    instrumental?: Partial<Record<InstrumentalPrincipleId, number>>;
  } = {},
): ProviderResult => ({
  providerId: id,
  name: extra.name ?? id.toUpperCase(),
  sheet: { core: core(scores), instrumental: (extra.instrumental ?? {}) as never, overall: null },
  findings: extra.findings ?? [],
  missingEvidence: extra.missingEvidence ?? [],
});
