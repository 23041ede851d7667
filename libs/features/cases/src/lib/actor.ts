import type { AuditActor } from '@probity/audit';

/** Who did something, as the audit trail records it. */
export type Actor = AuditActor;

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'Probity' };
