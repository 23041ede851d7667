import type { Actor } from '@probity/cases';
import type { StaffPrincipal } from '@probity/identity';

/** The administrator as the audit trail names them. */
export function adminActor(admin: StaffPrincipal): Actor {
  return { type: 'staff', id: admin.userId, label: `${admin.name} (${admin.role.replace('_', ' ')})` };
}
