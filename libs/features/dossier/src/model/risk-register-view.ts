import { isInstrumentalPrincipleId } from '@probity/rubric';
import type { DossierProvider } from './dossier-input';
import { clampRating, PRINCIPLE_NAMES, Rating } from './risk-impact';
import type { MitigationKind, RiskDecision, RiskRow } from './risk-register';

/** A row as the register shows it: proposed (untouched), edited by the officer, or added by them. */
export type RegisteredRisk = RiskRow & { origin: 'proposed' | 'edited' | 'added'; reason: string | null };

/** The register printed in the dossier: every ranked provider's rows and the agency's appetite. Part of the content hash. */
export interface DossierRiskRegister {
  /** Residual score above which a legal reviewer must accept a risk explicitly before approving. */
  appetite: number;
  providers: Array<{ providerId: string; providerName: string; rank: number; rows: RegisteredRisk[] }>;
}

/** What the repository keeps of a row. */
export interface StoredRiskRow {
  providerId: string;
  rowKey: string;
  origin: 'proposed' | 'added';
  content: RiskRow;
  edited: boolean;
  lastReason: string | null;
  removed: boolean;
}

export class RiskEditError extends Error {}

export const RISK_DECISIONS: readonly RiskDecision[] = ['accept', 'mitigate', 'avoid'];
const MITIGATION_KINDS: readonly MitigationKind[] = ['contract-condition', 'agency-measure'];

/**
 * One provider's rows: today's proposals, unless the officer edited or removed them, then the rows
 * the officer added. An unedited stored proposal follows the evaluation (it is not shown once the
 * evaluation no longer raises it); an edited one stays as the officer left it.
 */
export function mergeRegister(providerId: string, proposed: RiskRow[], stored: StoredRiskRow[]): RegisteredRisk[] {
  const mine = stored.filter((row) => row.providerId === providerId);
  const byKey = new Map(mine.map((row) => [row.rowKey, row]));
  const rows: RegisteredRisk[] = [];
  for (const proposal of proposed) {
    const kept = byKey.get(proposal.key);
    if (kept?.removed) continue;
    rows.push(
      kept?.edited
        ? { ...kept.content, origin: 'edited', reason: kept.lastReason }
        : { ...proposal, origin: 'proposed', reason: null },
    );
  }
  const proposedKeys = new Set(proposed.map((p) => p.key));
  for (const row of mine) {
    if (row.removed || proposedKeys.has(row.rowKey)) continue;
    if (row.origin === 'added') rows.push({ ...row.content, origin: 'added', reason: row.lastReason });
    else if (row.edited) rows.push({ ...row.content, origin: 'edited', reason: row.lastReason });
  }
  return rows;
}

/** Ranked providers in rank order: the ones a contract may go to. */
export function eligibleProviders(providers: Array<Pick<DossierProvider, 'id' | 'name' | 'standing'>>) {
  return providers
    .flatMap((p) => (p.standing.kind === 'ranked' ? [{ id: p.id, name: p.name, rank: p.standing.rank }] : []))
    .sort((a, b) => a.rank - b.rank);
}

export interface RiskEdit {
  principle?: string;
  description?: string;
  likelihood?: { value: number; reason: string };
  impact?: { value: number; reason: string };
  mitigation?: { kind: string; text: string; clause?: string | null };
  residualLikelihood?: number;
  residualImpact?: number;
  owner?: string;
  decision?: string;
}

const scale = (value: unknown, field: string): Rating['value'] => {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 5)
    throw new RiskEditError(`${field} must be a whole number from 1 to 5.`);
  return clampRating(value as number);
};
const text = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || !value.trim()) throw new RiskEditError(`${field} must not be empty.`);
  return value.trim();
};

/** The row with the officer's changes; inherent and residual are recomputed, never taken from the caller. */
export function applyRiskEdit(row: RiskRow, edit: RiskEdit): RiskRow {
  const principle = edit.principle ?? row.principle;
  if (!isInstrumentalPrincipleId(principle))
    throw new RiskEditError(`"${principle}" is not one of the Toolkit's 17 instrumental principles.`);
  const likelihood = edit.likelihood
    ? {
        value: scale(edit.likelihood.value, 'Likelihood'),
        reason: text(edit.likelihood.reason, 'The likelihood reason'),
      }
    : row.likelihood;
  const impact = edit.impact
    ? { value: scale(edit.impact.value, 'Impact'), reason: text(edit.impact.reason, 'The impact reason') }
    : row.impact;
  let mitigation = row.mitigation;
  if (edit.mitigation) {
    if (!MITIGATION_KINDS.includes(edit.mitigation.kind as MitigationKind))
      throw new RiskEditError('A mitigation is a contract-condition or an agency-measure.');
    mitigation = {
      kind: edit.mitigation.kind as MitigationKind,
      text: text(edit.mitigation.text, 'The mitigation'),
      clause: edit.mitigation.clause?.trim() || null,
    };
  }
  const residualLikelihood =
    edit.residualLikelihood !== undefined
      ? scale(edit.residualLikelihood, 'Residual likelihood')
      : row.residualLikelihood;
  const residualImpact =
    edit.residualImpact !== undefined ? scale(edit.residualImpact, 'Residual impact') : row.residualImpact;
  if (edit.decision !== undefined && !RISK_DECISIONS.includes(edit.decision as RiskDecision))
    throw new RiskEditError('The decision is accept, mitigate or avoid.');
  return {
    ...row,
    principle,
    principleName: PRINCIPLE_NAMES[principle],
    description: edit.description !== undefined ? text(edit.description, 'The description') : row.description,
    likelihood,
    impact,
    inherent: likelihood.value * impact.value,
    mitigation,
    residualLikelihood,
    residualImpact,
    residual: residualLikelihood * residualImpact,
    owner: edit.owner !== undefined ? text(edit.owner, 'The owner') : row.owner,
    decision: (edit.decision as RiskDecision | undefined) ?? row.decision,
  };
}

/** A row the officer adds; every field is required (through applyRiskEdit's checks). */
export function newRisk(id: string, edit: RiskEdit, author: string, reason: string): RiskRow {
  for (const field of ['principle', 'description', 'likelihood', 'impact', 'mitigation', 'owner'] as const)
    if (edit[field] === undefined) throw new RiskEditError(`A new risk needs its ${field}.`);
  const blank: RiskRow = {
    key: `added:${id}`,
    principle: 'accountability',
    principleName: PRINCIPLE_NAMES['accountability'],
    description: '',
    source: { kind: 'officer', ref: id, summary: `Added by ${author}: ${reason}`, questions: [] },
    likelihood: { value: 1, reason: '' },
    impact: { value: 1, reason: '' },
    inherent: 1,
    mitigation: { kind: 'agency-measure', text: '', clause: null },
    residualLikelihood: 1,
    residualImpact: 1,
    residual: 1,
    owner: '',
    decision: 'mitigate',
  };
  const filled = applyRiskEdit(blank, edit);
  return {
    ...filled,
    residualLikelihood: edit.residualLikelihood === undefined ? filled.likelihood.value : filled.residualLikelihood,
    residualImpact: edit.residualImpact === undefined ? filled.impact.value : filled.residualImpact,
    residual:
      (edit.residualLikelihood === undefined ? filled.likelihood.value : filled.residualLikelihood) *
      (edit.residualImpact === undefined ? filled.impact.value : filled.residualImpact),
  };
}

export interface RiskAcceptanceRecord {
  providerId: string;
  rowKey: string;
  residual: number;
  reviewerName: string;
  reason: string;
  acceptedAt: string;
}

/**
 * The rows that block approval: residual above the appetite on the recommended provider's register
 * (the one the contract would go to), not avoided, and not accepted by a reviewer at that residual.
 */
export function unacceptedAboveAppetite(
  register: DossierRiskRegister | undefined,
  recommendedProviderId: string | null,
  acceptances: Array<Pick<RiskAcceptanceRecord, 'providerId' | 'rowKey' | 'residual'>>,
): Array<{ providerName: string; row: RegisteredRisk }> {
  if (!register || !recommendedProviderId) return [];
  const provider = register.providers.find((p) => p.providerId === recommendedProviderId);
  if (!provider) return [];
  return provider.rows
    .filter((row) => row.residual > register.appetite && row.decision !== 'avoid')
    .filter(
      (row) =>
        !acceptances.some(
          (a) => a.providerId === provider.providerId && a.rowKey === row.key && a.residual === row.residual,
        ),
    )
    .map((row) => ({ providerName: provider.providerName, row }));
}

/** The contract conditions a provider's register calls for, one per distinct text, with the clause each comes from. */
export function contractConditions(
  rows: RegisteredRisk[],
): Array<{ text: string; clause: string | null; risks: string[] }> {
  const byText = new Map<string, { text: string; clause: string | null; risks: string[] }>();
  for (const row of rows) {
    if (row.mitigation.kind !== 'contract-condition' || row.decision === 'avoid') continue;
    const entry = byText.get(row.mitigation.text) ?? {
      text: row.mitigation.text,
      clause: row.mitigation.clause,
      risks: [],
    };
    entry.risks.push(row.key);
    byText.set(row.mitigation.text, entry);
  }
  return [...byText.values()];
}
