/**
 * The INTERPOL–UNICRI Toolkit's Principles for Responsible AI Innovation: 5 core principles, each
 * made concrete by instrumental principles (17 in all). Every question maps to one instrumental
 * principle, so every score in a dossier traces back to the Toolkit.
 */
export const CORE_PRINCIPLES = [
  { id: 'lawfulness', name: 'Lawfulness' },
  { id: 'minimization-of-harm', name: 'Minimization of harm' },
  { id: 'human-autonomy', name: 'Human autonomy' },
  { id: 'fairness', name: 'Fairness' },
  { id: 'good-governance', name: 'Good governance' },
] as const;

export type CorePrincipleId = (typeof CORE_PRINCIPLES)[number]['id'];

export const INSTRUMENTAL_PRINCIPLES = [
  { id: 'legitimacy', name: 'Legitimacy', core: 'lawfulness' },
  { id: 'necessity', name: 'Necessity', core: 'lawfulness' },
  { id: 'proportionality', name: 'Proportionality', core: 'lawfulness' },
  { id: 'wellbeing', name: 'Human and environmental well-being', core: 'minimization-of-harm' },
  { id: 'robustness-safety', name: 'Robustness and safety', core: 'minimization-of-harm' },
  { id: 'accuracy', name: 'Accuracy', core: 'minimization-of-harm' },
  { id: 'efficiency', name: 'Efficiency', core: 'minimization-of-harm' },
  { id: 'human-agency', name: 'Human agency', core: 'human-autonomy' },
  { id: 'human-oversight', name: 'Human control and oversight', core: 'human-autonomy' },
  { id: 'privacy', name: 'Privacy', core: 'human-autonomy' },
  { id: 'transparency-explainability', name: 'Transparency and explainability', core: 'human-autonomy' },
  { id: 'non-discrimination', name: 'Equality and non-discrimination', core: 'fairness' },
  { id: 'diversity-accessibility', name: 'Diversity and accessibility', core: 'fairness' },
  { id: 'vulnerable-groups', name: 'Protection of vulnerable groups', core: 'fairness' },
  { id: 'contestability-redress', name: 'Contestability and redress', core: 'fairness' },
  { id: 'accountability', name: 'Accountability', core: 'good-governance' },
  { id: 'traceability-auditability', name: 'Traceability and auditability', core: 'good-governance' },
] as const satisfies ReadonlyArray<{ id: string; name: string; core: CorePrincipleId }>;

export type InstrumentalPrincipleId = (typeof INSTRUMENTAL_PRINCIPLES)[number]['id'];

const CORE_BY_INSTRUMENTAL = new Map<string, CorePrincipleId>(INSTRUMENTAL_PRINCIPLES.map((p) => [p.id, p.core]));

export function isInstrumentalPrincipleId(value: unknown): value is InstrumentalPrincipleId {
  return typeof value === 'string' && CORE_BY_INSTRUMENTAL.has(value);
}

export function corePrincipleOf(id: InstrumentalPrincipleId): CorePrincipleId {
  const core = CORE_BY_INSTRUMENTAL.get(id);
  if (!core) throw new Error(`Unknown instrumental principle: ${id}`);
  return core;
}
