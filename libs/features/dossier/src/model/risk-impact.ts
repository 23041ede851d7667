import { INSTRUMENTAL_PRINCIPLES, InstrumentalPrincipleId } from '@probity/rubric';

/**
 * How badly a failure under each instrumental principle can hurt people, following the severity idea
 * behind the Toolkit's risk assessment approach (scale, scope and irremediability of the harm). The
 * Toolkit's own scales are not reproduced: these are Probity's published defaults.
 */
interface HarmProfile {
  /** 1–3: how deep the harm to one person goes. */
  scope: 1 | 2 | 3;
  harm: string;
  /** True when the harm is hard or impossible to undo once done. */
  irremediable: boolean;
  /** Who in the agency carries a measure for this principle when no contract condition fits. */
  agencyOwner: string;
}

export const HARM_PROFILES: Record<InstrumentalPrincipleId, HarmProfile> = {
  legitimacy: {
    scope: 3,
    harm: 'use without a lawful basis interferes with rights',
    irremediable: true,
    agencyOwner: 'Legal service',
  },
  necessity: {
    scope: 2,
    harm: 'people are processed where a less intrusive means would do',
    irremediable: false,
    agencyOwner: 'Legal service',
  },
  proportionality: {
    scope: 2,
    harm: 'the intrusion outweighs the policing benefit',
    irremediable: false,
    agencyOwner: 'Legal service',
  },
  wellbeing: {
    scope: 2,
    harm: 'people or communities are harmed by side effects of use',
    irremediable: false,
    agencyOwner: 'Operational lead',
  },
  'robustness-safety': {
    scope: 2,
    harm: 'failures or attacks produce wrong or unsafe outputs',
    irremediable: false,
    agencyOwner: 'IT security officer',
  },
  accuracy: {
    scope: 3,
    harm: 'wrong outputs point officers at the wrong person',
    irremediable: true,
    agencyOwner: 'Operational lead',
  },
  efficiency: {
    scope: 1,
    harm: 'resources are wasted or the service degrades',
    irremediable: false,
    agencyOwner: 'Procurement officer',
  },
  'human-agency': {
    scope: 2,
    harm: 'people are decided about without a human weighing their case',
    irremediable: false,
    agencyOwner: 'Operational lead',
  },
  'human-oversight': {
    scope: 3,
    harm: 'nobody can catch or stop a harmful output in time',
    irremediable: true,
    agencyOwner: 'Operational lead',
  },
  privacy: {
    scope: 2,
    harm: 'personal data is exposed or used beyond its purpose',
    irremediable: true,
    agencyOwner: 'Data protection officer',
  },
  'transparency-explainability': {
    scope: 2,
    harm: 'people cannot understand or challenge what was decided',
    irremediable: false,
    agencyOwner: 'Operational lead',
  },
  'non-discrimination': {
    scope: 3,
    harm: 'some groups are wrongly targeted more than others',
    irremediable: true,
    agencyOwner: 'Operational lead',
  },
  'diversity-accessibility': {
    scope: 1,
    harm: 'some people cannot use or benefit from the service',
    irremediable: false,
    agencyOwner: 'Operational lead',
  },
  'vulnerable-groups': {
    scope: 3,
    harm: 'children or vulnerable people are harmed',
    irremediable: true,
    agencyOwner: 'Operational lead',
  },
  'contestability-redress': {
    scope: 2,
    harm: 'people cannot contest an outcome or get redress',
    irremediable: false,
    agencyOwner: 'Legal service',
  },
  accountability: {
    scope: 2,
    harm: 'nobody answers for harm done with the system',
    irremediable: false,
    agencyOwner: 'Procurement officer',
  },
  'traceability-auditability': {
    scope: 2,
    harm: 'decisions cannot be reconstructed or audited afterwards',
    irremediable: false,
    agencyOwner: 'IT security officer',
  },
};

export const PRINCIPLE_NAMES: Record<string, string> = Object.fromEntries(
  INSTRUMENTAL_PRINCIPLES.map((principle) => [principle.id, principle.name]),
);

/** What the agency decided about how the system will be used (from the case's AI Act scope). */
export interface UseContext {
  highRisk: boolean;
  /** E.g. "Annex III 1(a) remote biometric identification (post)". */
  category: string;
}

export interface Rating {
  value: 1 | 2 | 3 | 4 | 5;
  reason: string;
}

export const clampRating = (value: number): Rating['value'] =>
  Math.min(5, Math.max(1, Math.round(value))) as Rating['value'];

/**
 * Impact 1–5 = scope of the harm to one person (1–3) + scale of the use (+1 for a high-risk use,
 * +1 more for biometric identification) + 1 when the harm is hard to undo, capped at 5.
 */
export function impactOf(principle: InstrumentalPrincipleId, context: UseContext): Rating {
  const profile = HARM_PROFILES[principle];
  const biometric = /biometric/i.test(context.category);
  const scale = (context.highRisk ? 1 : 0) + (biometric ? 1 : 0);
  const value = clampRating(profile.scope + scale + (profile.irremediable ? 1 : 0));
  const scaleText = biometric
    ? 'biometric identification in a high-risk law-enforcement use reaches many people'
    : context.highRisk
      ? `a high-risk law-enforcement use (${context.category}) reaches many people`
      : 'a use outside the high-risk list reaches fewer people';
  const reason = [
    `scope: ${profile.harm} (${profile.scope}/3)`,
    `scale: ${scaleText} (+${scale})`,
    `irremediability: ${profile.irremediable ? 'the harm is hard to undo (+1)' : 'the harm can be put right (+0)'}`,
  ].join('; ');
  return { value, reason };
}
