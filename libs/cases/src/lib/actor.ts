import type { ActorType } from '@probity/audit';

/** Who did something, as the audit trail records it. */
export interface Actor {
  type: ActorType;
  id: string | null;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'Probity' };
