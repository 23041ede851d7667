/**
 * Who may do what on a procurement case: one policy for every page and API route. The matrix
 * (`access-matrix.ts`) is data (role × case phase × panel seat × conflict-of-interest declaration × response state), so a
 * reviewer can read the whole rule set in one place and a table-driven test pins every cell.
 *
 * Pure: no NestJS, no database. A thin adapter loads the facts (the principal, the case with its
 * panel, the principal's declaration, the response) and calls `decideAccess`.
 */
import {
  ACCESS_MATRIX,
  AccessRole,
  AGENCY_MATRIX,
  AGENCY_PERMISSIONS,
  AGENCY_WORDS,
  AgencyPermission,
  Grant,
  PanelSeat,
  Permission,
  PERMISSION_WORDS,
} from './access-matrix';

export function isAgencyPermission(permission: string): permission is AgencyPermission {
  return (AGENCY_PERMISSIONS as readonly string[]).includes(permission);
}

/** Whether the principal's role may use an agency-wide permission (403 `role` otherwise). */
export function decideAgencyAccess(permission: AgencyPermission, principal: { role: AccessRole }): AccessDecision {
  if (AGENCY_MATRIX[permission].includes(principal.role)) return { allowed: true };
  return {
    allowed: false,
    status: 403,
    reason: 'role',
    message: `Your role (${principal.role.replace('_', ' ')}) does not allow you to ${AGENCY_WORDS[permission]}.`,
  };
}

/** What the policy needs to know; the adapter loads it. */
export interface AccessFacts {
  principal: { userId: string; agencyId: string; role: AccessRole };
  procurementCase: {
    id: string;
    agencyId: string;
    status: string;
    panel: ReadonlyArray<{ userId: string; role: string }>;
  };
  /** The principal's conflict-of-interest declaration for this case, if any. */
  declaration: { hasConflict: boolean } | null;
  /** The response the request is about, if any. */
  response?: { caseId: string; status: string };
}

/** Why access was refused, most specific last: `not-found` hides another agency's ids (404). */
export type DenialReason =
  'not-found' | 'role' | 'not-on-panel' | 'declare-first' | 'recused' | 'phase' | 'response-not-submitted';

export type AccessDecision =
  | { allowed: true }
  | {
      allowed: false;
      status: 403 | 404;
      reason: DenialReason;
      message: string;
      /** Where the person can do what is missing (the declaration page), when there is such a place. */
      next?: { href: string; label: string };
    };

/** The checks of one grant, in order; the first that fails is why this grant does not apply. */
function firstFailure(grant: Grant, facts: AccessFacts): DenialReason | null {
  const { principal, procurementCase, declaration, response } = facts;
  if (!grant.roles.includes(principal.role)) return 'role';
  if (grant.seat && !procurementCase.panel.some((m) => m.userId === principal.userId && m.role === grant.seat))
    return 'not-on-panel';
  if (grant.declaredNoConflict) {
    if (!declaration) return 'declare-first';
    if (declaration.hasConflict) return 'recused';
  }
  if (grant.phases && !grant.phases.includes(procurementCase.status)) return 'phase';
  if (grant.submittedResponse && response && response.status !== 'submitted') return 'response-not-submitted';
  return null;
}

const DEPTH: readonly DenialReason[] = [
  'role',
  'not-on-panel',
  'declare-first',
  'recused',
  'phase',
  'response-not-submitted',
];

function messageFor(permission: Permission, reason: DenialReason, facts: AccessFacts, seat?: PanelSeat): string {
  const what = PERMISSION_WORDS[permission];
  switch (reason) {
    case 'not-found':
      return facts.response ? 'No such response.' : 'No such case.';
    case 'role':
      return `Your role (${facts.principal.role.replace('_', ' ')}) does not allow you to ${what}.`;
    case 'not-on-panel':
      return `You are not ${seat === 'legal_reviewer' ? 'a legal reviewer' : 'an evaluator'} on this case’s panel, so you cannot ${what}.`;
    case 'declare-first':
      return `Declare any conflict of interest for this case on its evaluation page first; then you can ${what}.`;
    case 'recused':
      return 'You declared a conflict of interest and are recused from this case.';
    case 'phase':
      return `You cannot ${what} while the case is ${facts.procurementCase.status.replace('_', ' ')}.`;
    case 'response-not-submitted':
      return 'This response has not been submitted; the panel sees only submitted responses.';
  }
}

/**
 * Whether the principal may use the permission on the case (and response). Another agency's case, or
 * a response of another case, is `not-found` (404) so ids cannot be probed; every other refusal is
 * 403 with the most specific reason among the grants that came closest.
 */
export function decideAccess(permission: Permission, facts: AccessFacts): AccessDecision {
  const { principal, procurementCase, response } = facts;
  const deny = (status: 403 | 404, reason: DenialReason, seat?: PanelSeat): AccessDecision => ({
    allowed: false,
    status,
    reason,
    message: messageFor(permission, reason, facts, seat),
    ...(reason === 'declare-first'
      ? { next: { href: `/cases/${procurementCase.id}/evaluation`, label: 'Declare your conflicts of interest' } }
      : {}),
  });
  if (procurementCase.agencyId !== principal.agencyId || (response && response.caseId !== procurementCase.id))
    return deny(404, 'not-found');
  let closest: { reason: DenialReason; grant?: Grant } = { reason: 'role' };
  for (const grant of ACCESS_MATRIX[permission]) {
    const failure = firstFailure(grant, facts);
    if (!failure) return { allowed: true };
    // The role's own seat says more than another role's: an evaluator is told about the evaluator seat.
    const ownSeat = failure === 'not-on-panel' && grant.roles[0] === principal.role;
    if (DEPTH.indexOf(failure) > DEPTH.indexOf(closest.reason) || (ownSeat && closest.reason === failure))
      closest = { reason: failure, grant };
  }
  return deny(403, closest.reason, closest.grant?.seat);
}

/**
 * Whether any grant of the permission is for this role: the part of the decision that needs no case.
 * Routes naming something that resolves to a case only later (a dossier, a clarification) are refused
 * on it at once; the full decision follows when the case is known.
 */
export function decideRoleAccess(permission: Permission, principal: { role: AccessRole }): AccessDecision {
  if (ACCESS_MATRIX[permission].some((grant) => grant.roles.includes(principal.role))) return { allowed: true };
  return {
    allowed: false,
    status: 403,
    reason: 'role',
    message: `Your role (${principal.role.replace('_', ' ')}) does not allow you to ${PERMISSION_WORDS[permission].replace('this case', 'a case')}.`,
  };
}

/**
 * Whether the role may use the permission at all: what a page offers (a button, a section, prices),
 * so pages and routes agree. The request itself is still decided in full by `decideAccess`.
 */
export function roleMay(permission: Permission | AgencyPermission, principal: { role: AccessRole }): boolean {
  return (
    isAgencyPermission(permission) ? decideAgencyAccess(permission, principal) : decideRoleAccess(permission, principal)
  ).allowed;
}

/** Thrown by `requireAccess`; adapters turn it into their framework's 403 or 404. */
export class AccessDenied extends Error {
  constructor(readonly decision: Extract<AccessDecision, { allowed: false }>) {
    super(decision.message);
    this.name = 'AccessDenied';
  }
}

export function requireAccess(permission: Permission, facts: AccessFacts): void {
  const decision = decideAccess(permission, facts);
  if (!decision.allowed) throw new AccessDenied(decision);
}
