import type { INestApplication } from '@nestjs/common';
import { IdentityService, StaffRole } from '@probity/identity';
import { signInHeaders } from './tender-http';

/** Headers that act as one signed-in member of staff: session and CSRF cookies plus the CSRF token. */
export type SessionHeaders = { Cookie: string; 'x-csrf-token': string };

export interface SignedInMember {
  userId: string;
  agencyId: string;
  email: string;
  name: string;
}

/** One member of staff to create: who (the key tests use), agency, role and, optionally, a display name. */
export type StaffLine = readonly [who: string, agencyId: string, role: StaffRole, name?: string];

/**
 * Creates each member of staff (e-mail `<who>@<domain>` in lower case, name `Test <who>` unless given), all with
 * one password, and signs each in through the API. Returns them, their ids and their request headers by `who`.
 */
export async function signedInStaff(
  app: INestApplication,
  domain: string,
  password: string,
  staff: readonly StaffLine[],
): Promise<{
  people: Record<string, SignedInMember>;
  ids: Record<string, string>;
  sessions: Record<string, SessionHeaders>;
}> {
  const identity = app.get(IdentityService);
  const people: Record<string, SignedInMember> = {};
  const ids: Record<string, string> = {};
  const sessions: Record<string, SessionHeaders> = {};
  for (const [who, agencyId, role, name = `Test ${who}`] of staff) {
    const email = `${who.toLowerCase()}@${domain}`;
    const user = await identity.createStaffUser({ agencyId, email, name, role, password });
    people[who] = { userId: user.id, agencyId, email, name };
    ids[who] = user.id;
    sessions[who] = await signInHeaders(app, email, password);
  }
  return { people, ids, sessions };
}
