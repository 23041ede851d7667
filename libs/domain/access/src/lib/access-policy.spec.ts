import { AccessRole, AGENCY_MATRIX, AgencyPermission, Permission } from './access-matrix';
import {
  AccessDenied,
  AccessFacts,
  decideAccess,
  decideAgencyAccess,
  decideRoleAccess,
  requireAccess,
  roleMay,
} from './access-policy';

const AGENCY = 'agency-1';
const ME = 'user-me';

type Seat = 'evaluator' | 'legal_reviewer' | null;
type Declared = 'none' | 'no-conflict' | 'conflict';

function facts(
  role: AccessRole,
  {
    seat = null,
    declared = 'none',
    status = 'evaluation',
    response,
    agencyId = AGENCY,
  }: {
    seat?: Seat;
    declared?: Declared;
    status?: string;
    response?: { caseId?: string; status: string };
    agencyId?: string;
  } = {},
): AccessFacts {
  return {
    principal: { userId: ME, agencyId: AGENCY, role },
    procurementCase: {
      id: 'case-1',
      agencyId,
      status,
      panel: [{ userId: 'someone-else', role: 'evaluator' }, ...(seat ? [{ userId: ME, role: seat }] : [])],
    },
    declaration: declared === 'none' ? null : { hasConflict: declared === 'conflict' },
    ...(response ? { response: { caseId: response.caseId ?? 'case-1', status: response.status } } : {}),
  };
}

const outcome = (permission: Permission, input: AccessFacts) => {
  const decision = decideAccess(permission, input);
  return decision.allowed ? 'allow' : `${decision.status} ${decision.reason}`;
};

describe('the access matrix', () => {
  const submitted = { status: 'submitted' };
  const draft = { status: 'in_progress' };

  // [permission, role, situation, expected]
  const table: Array<[Permission, AccessRole, Parameters<typeof facts>[1], string]> = [
    // Officers and administrators run every case of their agency.
    ['case.read', 'procurement_officer', {}, 'allow'],
    ['case.manage', 'procurement_officer', {}, 'allow'],
    ['case.manage', 'admin', {}, 'allow'],
    ['response.read', 'procurement_officer', { status: 'open', response: draft }, 'allow'],
    ['comparison.read', 'admin', { status: 'open' }, 'allow'],
    ['panel.moderate', 'procurement_officer', {}, 'allow'],
    // …another agency's case is never "forbidden", it does not exist for them.
    ['case.read', 'procurement_officer', { agencyId: 'agency-2' }, '404 not-found'],
    ['response.read', 'admin', { response: { caseId: 'case-2', status: 'submitted' } }, '404 not-found'],
    // Evaluators: nothing before sitting on the panel and declaring no conflict (issue 13 #12).
    ['case.read', 'evaluator', {}, '403 not-on-panel'],
    ['case.read', 'evaluator', { seat: 'evaluator' }, '403 declare-first'],
    ['case.read', 'evaluator', { seat: 'evaluator', declared: 'conflict' }, '403 recused'],
    ['case.read', 'evaluator', { seat: 'evaluator', declared: 'no-conflict' }, 'allow'],
    ['case.read', 'evaluator', { seat: 'legal_reviewer', declared: 'no-conflict' }, '403 not-on-panel'],
    ['case.manage', 'evaluator', { seat: 'evaluator', declared: 'no-conflict' }, '403 role'],
    ['comparison.read', 'evaluator', {}, '403 not-on-panel'],
    ['comparison.read', 'evaluator', { seat: 'evaluator' }, '403 declare-first'],
    ['comparison.read', 'evaluator', { seat: 'evaluator', declared: 'conflict' }, '403 recused'],
    ['comparison.read', 'evaluator', { seat: 'evaluator', declared: 'no-conflict', status: 'open' }, '403 phase'],
    ['comparison.read', 'evaluator', { seat: 'evaluator', declared: 'no-conflict', status: 'closed' }, 'allow'],
    ['comparison.read', 'evaluator', { seat: 'evaluator', declared: 'no-conflict' }, 'allow'],
    // The responses API applies the panel's gates (issue 13 #13).
    ['response.read', 'evaluator', { response: submitted }, '403 not-on-panel'],
    ['response.read', 'evaluator', { seat: 'evaluator', response: submitted }, '403 declare-first'],
    ['response.read', 'evaluator', { seat: 'evaluator', declared: 'conflict', response: submitted }, '403 recused'],
    [
      'response.read',
      'evaluator',
      { seat: 'evaluator', declared: 'no-conflict', status: 'open', response: submitted },
      '403 phase',
    ],
    [
      'response.read',
      'evaluator',
      { seat: 'evaluator', declared: 'no-conflict', response: draft },
      '403 response-not-submitted',
    ],
    ['response.read', 'evaluator', { seat: 'evaluator', declared: 'no-conflict', response: submitted }, 'allow'],
    ['response.read', 'legal_reviewer', { response: submitted }, '403 not-on-panel'],
    ['response.read', 'legal_reviewer', { seat: 'legal_reviewer', status: 'open', response: submitted }, '403 phase'],
    ['response.read', 'legal_reviewer', { seat: 'legal_reviewer', response: draft }, '403 response-not-submitted'],
    ['response.read', 'legal_reviewer', { seat: 'legal_reviewer', response: submitted }, 'allow'],
    // Legal reviewers see the cases whose panel they sit on.
    ['case.read', 'legal_reviewer', {}, '403 not-on-panel'],
    ['case.read', 'legal_reviewer', { seat: 'legal_reviewer' }, 'allow'],
    ['comparison.read', 'legal_reviewer', { seat: 'legal_reviewer' }, 'allow'],
    ['dossier.decide', 'legal_reviewer', {}, '403 not-on-panel'],
    // The review phase is the review service's 409 (a decision on a signed dossier is a conflict).
    ['dossier.decide', 'legal_reviewer', { seat: 'legal_reviewer', status: 'signed_off' }, 'allow'],
    ['dossier.decide', 'legal_reviewer', { seat: 'legal_reviewer', status: 'dossier_review' }, 'allow'],
    ['dossier.read', 'legal_reviewer', {}, 'allow'],
    ['dossier.read', 'evaluator', { seat: 'evaluator', declared: 'no-conflict' }, '403 role'],
    ['dossier.request', 'legal_reviewer', { seat: 'legal_reviewer' }, '403 role'],
    ['dossier.request', 'admin', {}, 'allow'],
    ['price.read', 'evaluator', { seat: 'evaluator', declared: 'no-conflict' }, '403 role'],
    ['price.read', 'legal_reviewer', { seat: 'legal_reviewer' }, 'allow'],
    ['dossier.decide', 'procurement_officer', { status: 'dossier_review' }, '403 role'],
    // The agency's own assessment as deployer: officers write it, the case's legal reviewers read it.
    ['readiness.read', 'legal_reviewer', { seat: 'legal_reviewer' }, 'allow'],
    ['readiness.read', 'legal_reviewer', {}, '403 not-on-panel'],
    ['readiness.read', 'evaluator', { seat: 'evaluator', declared: 'no-conflict' }, '403 role'],
    ['readiness.manage', 'legal_reviewer', { seat: 'legal_reviewer' }, '403 role'],
    ['readiness.manage', 'procurement_officer', { status: 'awarded' }, 'allow'],
    // The panel's own work.
    ['panel.declare', 'evaluator', {}, '403 not-on-panel'],
    ['panel.declare', 'evaluator', { seat: 'evaluator' }, 'allow'],
    ['panel.declare', 'legal_reviewer', { seat: 'legal_reviewer' }, '403 role'],
    ['response.score', 'evaluator', { seat: 'evaluator' }, '403 declare-first'],
    ['response.score', 'evaluator', { seat: 'evaluator', declared: 'conflict' }, '403 recused'],
    ['response.score', 'evaluator', { seat: 'evaluator', declared: 'no-conflict' }, 'allow'],
    ['response.score', 'procurement_officer', {}, '403 role'],
    ['panel.moderate', 'evaluator', { seat: 'evaluator', declared: 'no-conflict' }, '403 role'],
    // Evidence confirmations: the panel, declared, while it scores, on submitted responses only.
    ['evidence.confirm', 'evaluator', { seat: 'evaluator', declared: 'no-conflict', response: submitted }, 'allow'],
    ['evidence.confirm', 'evaluator', { seat: 'evaluator', response: submitted }, '403 declare-first'],
    ['evidence.confirm', 'evaluator', { seat: 'evaluator', declared: 'conflict', response: submitted }, '403 recused'],
    ['evidence.confirm', 'evaluator', { declared: 'no-conflict', response: submitted }, '403 not-on-panel'],
    [
      'evidence.confirm',
      'evaluator',
      { seat: 'evaluator', declared: 'no-conflict', status: 'dossier_review', response: submitted },
      '403 phase',
    ],
    [
      'evidence.confirm',
      'evaluator',
      { seat: 'evaluator', declared: 'no-conflict', response: draft },
      '403 response-not-submitted',
    ],
    ['evidence.confirm', 'procurement_officer', { response: submitted }, '403 role'],
    // An administrator on the panel is held to the panel's rules in that seat.
    ['response.score', 'admin', {}, '403 not-on-panel'],
    ['response.score', 'admin', { seat: 'evaluator' }, '403 declare-first'],
    ['response.score', 'admin', { seat: 'evaluator', declared: 'no-conflict' }, 'allow'],
    // The risk register: the officer keeps it, the case's legal reviewers read it and accept residual risks.
    ['risk.read', 'procurement_officer', {}, 'allow'],
    ['risk.read', 'legal_reviewer', { seat: 'legal_reviewer' }, 'allow'],
    ['risk.read', 'legal_reviewer', {}, '403 not-on-panel'],
    ['risk.read', 'evaluator', { seat: 'evaluator', declared: 'no-conflict' }, '403 role'],
    ['risk.edit', 'procurement_officer', {}, 'allow'],
    ['risk.edit', 'legal_reviewer', { seat: 'legal_reviewer' }, '403 role'],
    ['risk.accept', 'legal_reviewer', { seat: 'legal_reviewer', status: 'dossier_review' }, 'allow'],
    ['risk.accept', 'legal_reviewer', { status: 'dossier_review' }, '403 not-on-panel'],
    ['risk.accept', 'procurement_officer', { status: 'dossier_review' }, '403 role'],
  ];

  it.each(table)('%s by %s %j → %s', (permission, role, situation, expected) => {
    expect(outcome(permission, facts(role, situation))).toBe(expected);
  });

  it('points an undeclared evaluator to the declaration page', () => {
    const decision = decideAccess('case.read', facts('evaluator', { seat: 'evaluator' }));
    expect(decision).toMatchObject({
      allowed: false,
      message: expect.stringMatching(/^Declare any conflict of interest/),
      next: { href: '/cases/case-1/evaluation' },
    });
  });

  it('requireAccess throws the decision, and passes silently when allowed', () => {
    expect(() => requireAccess('case.read', facts('procurement_officer'))).not.toThrow();
    try {
      requireAccess('comparison.read', facts('evaluator', { seat: 'evaluator', declared: 'conflict' }));
      throw new Error('expected AccessDenied');
    } catch (error) {
      expect(error).toBeInstanceOf(AccessDenied);
      expect((error as AccessDenied).decision).toMatchObject({ status: 403, reason: 'recused' });
      expect((error as AccessDenied).message).toMatch(/recused/);
    }
  });
});

describe('refusal messages', () => {
  it.each([
    ['evaluator', 'response.read', /^You are not an evaluator on this case’s panel/],
    ['legal_reviewer', 'response.read', /^You are not a legal reviewer on this case’s panel/],
    ['evaluator', 'case.manage', /^Your role \(evaluator\) does not allow you to manage this case/],
  ] as const)('%s asking for %s', (role, permission, message) => {
    const decision = decideAccess(permission, facts(role, { response: { status: 'submitted' } }));
    expect(decision.allowed ? '' : decision.message).toMatch(message);
  });
});

describe('agency-wide permissions', () => {
  it.each([
    ['case.list', 'evaluator', 'allow'],
    ['case.create', 'procurement_officer', 'allow'],
    ['case.create', 'legal_reviewer', '403 role'],
    ['evaluation.queue', 'legal_reviewer', '403 role'],
    ['review.queue', 'legal_reviewer', 'allow'],
    ['agency.administer', 'procurement_officer', '403 role'],
    ['agency.administer', 'admin', 'allow'],
    ['audit.read', 'evaluator', '403 role'],
    ['jobs.read', 'admin', 'allow'],
    ['jobs.read', 'procurement_officer', '403 role'],
    ['jobs.retry', 'admin', 'allow'],
    ['jobs.retry', 'legal_reviewer', '403 role'],
    ['risk.appetite', 'procurement_officer', 'allow'],
    ['risk.appetite', 'legal_reviewer', '403 role'],
  ] as Array<[AgencyPermission, AccessRole, string]>)('%s by %s → %s', (permission, role, expected) => {
    const decision = decideAgencyAccess(permission, { role });
    expect(decision.allowed ? 'allow' : `${decision.status} ${decision.reason}`).toBe(expected);
  });

  it('lets an administrator do everything agency-wide', () => {
    for (const roles of Object.values(AGENCY_MATRIX)) expect(roles).toContain('admin');
  });
});

describe('the role part of a case permission', () => {
  it.each([
    ['case.manage', 'evaluator', '403 role'],
    ['case.manage', 'admin', 'allow'],
    ['dossier.decide', 'legal_reviewer', 'allow'],
    ['dossier.decide', 'procurement_officer', '403 role'],
    ['dossier.read', 'evaluator', '403 role'],
  ] as Array<[Permission, AccessRole, string]>)('%s by %s → %s', (permission, role, expected) => {
    const decision = decideRoleAccess(permission, { role });
    expect(decision.allowed ? 'allow' : `${decision.status} ${decision.reason}`).toBe(expected);
  });
});

describe('what a page offers a role', () => {
  it.each([
    ['case.create', 'procurement_officer', true],
    ['case.create', 'evaluator', false],
    ['case.manage', 'admin', true],
    ['case.manage', 'legal_reviewer', false],
    ['price.read', 'evaluator', false],
    ['price.read', 'legal_reviewer', true],
    ['dossier.read', 'evaluator', false],
    ['dossier.decide', 'admin', true],
  ] as Array<[Permission | AgencyPermission, AccessRole, boolean]>)('%s for %s: %s', (permission, role, offered) => {
    expect(roleMay(permission, { role })).toBe(offered);
  });
});
