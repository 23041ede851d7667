import { IdentityService, newToken, StaffPrincipal, StaffRole } from '@probity/identity';

export type DemoStaffKey = 'officer' | 'admin' | 'evaluator' | 'legalCounsel' | 'dataProtection';

/** The demo agency's staff: one of each role a tender needs, two legal reviewers to sign the dossier. */
export const DEMO_STAFF: Record<DemoStaffKey, { email: string; name: string; role: StaffRole }> = {
  officer: { email: 'officer@demo.probity.example', name: 'Demo Officer', role: 'procurement_officer' },
  admin: { email: 'admin@demo.probity.example', name: 'Demo Administrator', role: 'admin' },
  evaluator: { email: 'evaluator@demo.probity.example', name: 'Eva Evaluator', role: 'evaluator' },
  legalCounsel: { email: 'legal.counsel@demo.probity.example', name: 'Dana Legal Counsel', role: 'legal_reviewer' },
  dataProtection: {
    email: 'data.protection@demo.probity.example',
    name: 'Sam Data Protection',
    role: 'legal_reviewer',
  },
};

export interface DemoStaffMember {
  principal: StaffPrincipal;
  /** Set only when the account was created now: the password exists nowhere else. */
  newPassword: string | null;
}

/** Creates the demo staff accounts that do not exist yet, each with its own random password. */
export async function ensureDemoStaff(
  identity: IdentityService,
  agencyId: string,
): Promise<Record<DemoStaffKey, DemoStaffMember>> {
  const existing = new Map((await identity.staffOfAgency(agencyId)).map((user) => [user.email, user]));
  const members = {} as Record<DemoStaffKey, DemoStaffMember>;
  for (const [key, person] of Object.entries(DEMO_STAFF) as Array<[DemoStaffKey, (typeof DEMO_STAFF)[DemoStaffKey]]>) {
    const found = existing.get(person.email);
    const newPassword = found ? null : newToken().slice(0, 20);
    const user = found ?? (await identity.createStaffUser({ agencyId, ...person, password: newPassword as string }));
    members[key] = {
      principal: { userId: user.id, agencyId, role: user.role, email: user.email, name: user.name, sessionId: 'demo' },
      newPassword,
    };
  }
  return members;
}
