/**
 * Pure builders of cases, responses, staff and panels for unit specs: no database, no NestJS. They return
 * plain objects shaped like the entities (typed structurally, since this infrastructure library must not
 * import feature libraries); pass overrides for what a spec is about and leave the rest plausible.
 */
import { randomUUID } from 'node:crypto';
import { EQUAL_WEIGHTS } from '@probity/scoring';

export type FactoryCaseStatus =
  'draft' | 'open' | 'closed' | 'evaluation' | 'dossier_review' | 'signed_off' | 'cancelled';
export type FactoryStaffRole = 'admin' | 'procurement_officer' | 'evaluator' | 'legal_reviewer';

/** A small SurveyJS questionnaire: one required text question and one evidence (file) question. */
export function aQuestionnaire(): {
  pages: Array<{ name: string; elements: Array<Record<string, unknown>> }>;
} {
  return {
    pages: [
      {
        name: 'governance',
        elements: [
          { type: 'text', name: 'purpose', title: 'What is the system for?', isRequired: true },
          { type: 'file', name: 'audit_report', title: 'Independent audit report' },
        ],
      },
    ],
  };
}

export function aCase(overrides: Partial<ReturnType<typeof baseCase>> = {}) {
  return { ...baseCase(), ...overrides };
}

function baseCase() {
  return {
    id: randomUUID() as string,
    agencyId: randomUUID() as string,
    reference: 'PROC-2026-0001',
    title: 'Video analytics',
    description: 'Video analytics for public-order policing.',
    intendedUse: 'Review of recorded footage',
    // A case scope (see CaseScope in @probity/questionnaires): Annex III 6(d), no biometric identification.
    aiActClassification: {
      annexIII: ['6d'] as Array<'6d'>,
      remoteBiometricIdentification: 'none' as const,
      personalData: true,
    },
    estimatedValue: null as number | null,
    currency: null as string | null,
    questionsDue: null as Date | null,
    responsesDue: new Date(Date.now() + 14 * 86_400_000),
    status: 'open' as FactoryCaseStatus,
    criteriaWeights: { ...EQUAL_WEIGHTS } as Record<string, number>,
    panel: [] as Array<{ userId: string; role: 'evaluator' | 'legal_reviewer' }>,
    questionnaireKey: 'unit-test',
    questionnaireVersion: 1,
    questionnaireDefinition: aQuestionnaire() as object,
    questionnaireHash: 'hash-of-unit-test-questionnaire',
    createdAt: new Date(),
    publishedAt: new Date() as Date | null,
    responsesClosedAt: null as Date | null,
    version: 1,
    weightsLockedAt: null as Date | null,
    weightsLockedBy: null as string | null,
    priceWeight: null as number | null,
  };
}

export function aResponse(overrides: Partial<ReturnType<typeof baseResponse>> = {}) {
  return { ...baseResponse(), ...overrides };
}

function baseResponse() {
  return {
    id: randomUUID() as string,
    caseId: randomUUID() as string,
    organisationName: 'Northwind Vision Analytics',
    country: 'NL',
    legalIdentifiers: { vat: 'NL123456789B01' } as Record<string, string>,
    contactEmails: ['bids@northwind.example'],
    firstOpenedAt: null as Date | null,
    answers: {} as Record<string, unknown>,
    revision: 0,
    status: 'in_progress' as 'invited' | 'in_progress' | 'submitted',
    submittedAt: null as Date | null,
    submissionHash: null as string | null,
    createdAt: new Date(),
  };
}

/** A staff account as identity stores it. */
export function aStaffUser(overrides: Partial<ReturnType<typeof baseStaffUser>> = {}) {
  return { ...baseStaffUser(), ...overrides };
}

function baseStaffUser() {
  return {
    id: randomUUID() as string,
    agencyId: randomUUID() as string,
    email: 'ada.officer@police.example',
    name: 'Ada Officer',
    role: 'procurement_officer' as FactoryStaffRole,
    disabledAt: null as Date | null,
  };
}

/** A signed-in staff member, as guards hand it to services. */
export function aStaffPrincipal(overrides: Partial<ReturnType<typeof baseStaffPrincipal>> = {}) {
  return { ...baseStaffPrincipal(), ...overrides };
}

function baseStaffPrincipal() {
  return {
    userId: randomUUID() as string,
    agencyId: randomUUID() as string,
    role: 'procurement_officer' as FactoryStaffRole,
    email: 'ada.officer@police.example',
    name: 'Ada Officer',
    sessionId: randomUUID() as string,
  };
}

/** A panel of the given staff accounts, each seated in its own role (admins sit as evaluators). */
export function aPanel(
  members: Array<{ id: string; role: FactoryStaffRole }>,
): Array<{ userId: string; role: 'evaluator' | 'legal_reviewer' }> {
  return members.map((member) => ({
    userId: member.id,
    role: member.role === 'legal_reviewer' ? ('legal_reviewer' as const) : ('evaluator' as const),
  }));
}
