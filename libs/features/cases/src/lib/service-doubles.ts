// Test support for the unit tier (`*.spec.ts`): the cases services wired over jest mocks of their
// repositories and collaborators, so every branch runs without PostgreSQL, Redis or NestJS.
import type { AuditTrail } from '@probity/audit';
import type { UnitOfWork } from '@probity/database';
import type { IdentityService } from '@probity/identity';
import type { JobOutbox } from '@probity/queue';
import { ProcurementCase, ProviderResponse } from './case.entities';
import type { CaseRepository } from './case.repository';
import { CasesService } from './cases.service';
import { EvidenceService } from './evidence.service';
import type { InviteLinkRepository } from './invite-link.repository';
import { ProviderInvitesService } from './provider-invites.service';
import type { QuestionnaireTemplates } from './questionnaire-templates.service';
import type { ResponseRepository } from './response.repository';
import { ResponsesService } from './responses.service';

type Mocked<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? jest.Mock : T[K] };

function mockOf<T>(...methods: Array<keyof T>): Mocked<T> {
  return Object.fromEntries(methods.map((method) => [method, jest.fn()])) as unknown as Mocked<T>;
}

export function casesServiceDoubles() {
  // The transaction is a token here; what matters is whether a job is recorded inside `run`.
  const transaction = { inTransaction: true };
  let openUnits = 0;
  const unitOfWork = {
    run: jest.fn(async (work: () => Promise<unknown>) => {
      openUnits += 1;
      try {
        return await work();
      } finally {
        openUnits -= 1;
      }
    }),
    transaction,
    manager: transaction,
  };
  /** Jobs recorded outside any unit of work: they could outlive a rolled-back change (expected empty). */
  const jobsOutsideUnitOfWork: string[] = [];
  const caseRepository = mockOf<CaseRepository>(
    'existsWithReference',
    'insert',
    'save',
    'findWithoutDefinition',
    'definitionOf',
    'findOfAgency',
    'lockForUpdate',
    'setPanel',
    'listOfAgency',
  );
  const responseRepository = mockOf<ResponseRepository>(
    'insert',
    'save',
    'findById',
    'findOfAgency',
    'lockForUpdate',
    'listOfCase',
    'markFirstOpened',
    'addEvidence',
    'findEvidence',
    'removeEvidence',
    'evidenceWithContent',
    'evidenceOf',
    'evidenceForSubmission',
  );
  const links = mockOf<InviteLinkRepository>('issue', 'revokeAll', 'findByToken', 'activeOf', 'withdrawnOf');
  const identity = mockOf<IdentityService>('staffOfAgency', 'getAgency');
  const outbox = mockOf<JobOutbox>('add');
  outbox.add.mockImplementation(async (name: string) => {
    if (!openUnits) jobsOutsideUnitOfWork.push(name);
    return `job-${name}`;
  });
  const audit = mockOf<AuditTrail>('recordChange');
  const templates = mockOf<QuestionnaireTemplates>('choose');
  // Saves hand back what they were given, as TypeORM's save does.
  for (const repository of [caseRepository, responseRepository])
    repository.save.mockImplementation(async (entity: unknown) => entity);

  const cases = new CasesService(
    unitOfWork as unknown as UnitOfWork,
    caseRepository as unknown as CaseRepository,
    identity as unknown as IdentityService,
    outbox as unknown as JobOutbox,
    audit as unknown as AuditTrail,
    templates as unknown as QuestionnaireTemplates,
  );
  const responses = new ResponsesService(
    unitOfWork as unknown as UnitOfWork,
    responseRepository as unknown as ResponseRepository,
    cases,
    outbox as unknown as JobOutbox,
    audit as unknown as AuditTrail,
  );
  const invites = new ProviderInvitesService(
    unitOfWork as unknown as UnitOfWork,
    responseRepository as unknown as ResponseRepository,
    links as unknown as InviteLinkRepository,
    cases,
    responses,
    audit as unknown as AuditTrail,
  );
  const evidence = new EvidenceService(
    unitOfWork as unknown as UnitOfWork,
    responseRepository as unknown as ResponseRepository,
    cases,
    responses,
    audit as unknown as AuditTrail,
  );

  /** Makes the case (and, when given, the response) exist for every read and lock. */
  function given(procurementCase: Partial<ProcurementCase>, response?: Partial<ProviderResponse>) {
    caseRepository.findWithoutDefinition.mockResolvedValue({ ...procurementCase });
    caseRepository.definitionOf.mockResolvedValue(procurementCase.questionnaireDefinition);
    caseRepository.findOfAgency.mockImplementation(async (agencyId: string, caseId: string) =>
      agencyId === procurementCase.agencyId && caseId === procurementCase.id ? { ...procurementCase } : null,
    );
    caseRepository.lockForUpdate.mockResolvedValue({ ...procurementCase });
    if (response) {
      responseRepository.findById.mockResolvedValue({ ...response });
      responseRepository.lockForUpdate.mockResolvedValue({ ...response });
      responseRepository.evidenceForSubmission.mockResolvedValue([]);
    }
  }

  return {
    cases,
    responses,
    invites,
    evidence,
    given,
    unitOfWork,
    caseRepository,
    responseRepository,
    links,
    identity,
    outbox,
    jobsOutsideUnitOfWork,
    audit,
    templates,
  };
}
