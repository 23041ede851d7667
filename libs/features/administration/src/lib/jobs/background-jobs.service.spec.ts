import { ConflictException, NotFoundException } from '@nestjs/common';
import type { AuditTrail } from '@probity/audit';
import type { CasesService, ResponsesService } from '@probity/cases';
import type { DossierService } from '@probity/dossier';
import type { StaffPrincipal } from '@probity/identity';
import { FailedJobRecord, JobInspector, QueueName } from '@probity/queue';
import { inlineUnitOfWork, mockOf, overDoubles } from '@probity/testing';
import { randomUUID } from 'node:crypto';
import { BackgroundJobs } from './background-jobs.service';

const AGENCY = randomUUID();
const OTHER = randomUUID();
const admin = { userId: randomUUID(), agencyId: AGENCY, role: 'admin', name: 'Ada', email: 'a@x', sessionId: 's' };
const ownCase = { id: randomUUID(), agencyId: AGENCY, reference: 'OWN-1' };
const foreignCase = { id: randomUUID(), agencyId: OTHER, reference: 'FOREIGN-1' };
const ownResponse = { id: randomUUID(), caseId: ownCase.id };
const foreignResponse = { id: randomUUID(), caseId: foreignCase.id };
const ownDossier = { id: randomUUID(), caseId: ownCase.id };

function failed(name: string, payload: unknown, queue = QueueName.Scoring): FailedJobRecord {
  return { queue, id: randomUUID(), name, payload, attempts: 5, failedReason: 'Error: boom', failedAt: new Date() };
}

function service(jobs: FailedJobRecord[]) {
  const inspector = mockOf<JobInspector>('counts', 'failedJobs', 'failedJob', 'retry');
  inspector.counts.mockResolvedValue([]);
  inspector.failedJobs.mockResolvedValue(jobs);
  inspector.failedJob.mockImplementation(
    async (queue: string, id: string) => jobs.find((job) => job.queue === queue && job.id === id) ?? null,
  );
  inspector.retry.mockResolvedValue(true);
  const cases = mockOf<CasesService>('caseOfAgency');
  cases.caseOfAgency.mockImplementation(async (agencyId: string, caseId: string) => {
    const found = [ownCase, foreignCase].find((c) => c.id === caseId && c.agencyId === agencyId);
    if (!found) throw new NotFoundException('No such case.');
    return found;
  });
  const responses = mockOf<ResponsesService>('getResponses');
  responses.getResponses.mockImplementation(async (ids: string[]) =>
    [ownResponse, foreignResponse].filter((r) => ids.includes(r.id)),
  );
  const dossiers = mockOf<DossierService>('get');
  dossiers.get.mockImplementation(async (id: string) => {
    if (id !== ownDossier.id) throw new NotFoundException('No such dossier.');
    return ownDossier;
  });
  const audit = mockOf<AuditTrail>('recordChange');
  const jobsService = overDoubles(BackgroundJobs, inspector, cases, responses, dossiers, audit, inlineUnitOfWork());
  return { jobsService, inspector, audit };
}

describe('BackgroundJobs (unit): whose failed job is whose', () => {
  it('lists jobs naming the agency’s case directly, through a response, a batch or a dossier', async () => {
    const listed = [
      failed('evaluation.start', { caseId: ownCase.id }),
      failed('scoring.score-response', { responseId: ownResponse.id, revision: 1 }),
      failed('scoring.score-responses', { responses: [{ responseId: ownResponse.id, revision: 1 }] }),
      failed('dossier.render', { dossierId: ownDossier.id }, QueueName.Dossiers),
    ];
    const { jobsService } = service(listed);
    const { failed: shown } = await jobsService.overview(admin as StaffPrincipal);
    expect(shown.map((job) => job.id)).toEqual(listed.map((job) => job.id));
    expect(shown.every((job) => job.caseReferences.join() === 'OWN-1')).toBe(true);
    expect(shown[0].reason).toBe('Boom.');
  });

  it('hides other agencies’ jobs, mixed batches, unknown ids and jobs of no agency', async () => {
    const { jobsService } = service([
      failed('evaluation.start', { caseId: foreignCase.id }),
      failed('scoring.score-responses', {
        responses: [
          { responseId: ownResponse.id, revision: 1 },
          { responseId: foreignResponse.id, revision: 1 },
        ],
      }),
      failed('scoring.score-response', { responseId: randomUUID(), revision: 1 }),
      failed('dossier.sign', { dossierId: randomUUID() }, QueueName.Dossiers),
      failed('invites.send-reminders', {}, QueueName.Notifications),
      failed('mail.send', { template: 'reminder', to: ['a@b.example'], context: {} }, QueueName.Notifications),
    ]);
    expect((await jobsService.overview(admin as StaffPrincipal)).failed).toEqual([]);
  });

  it('retries only its own failed job: 404 for another agency’s, 409 when it is no longer failed', async () => {
    const own = failed('evaluation.start', { caseId: ownCase.id });
    const foreign = failed('evaluation.start', { caseId: foreignCase.id });
    const { jobsService, inspector, audit } = service([own, foreign]);

    await expect(jobsService.retry(admin as StaffPrincipal, 'scoring', foreign.id)).rejects.toThrow(NotFoundException);
    await expect(jobsService.retry(admin as StaffPrincipal, 'no-such-queue', own.id)).rejects.toThrow(
      NotFoundException,
    );
    expect(inspector.retry).not.toHaveBeenCalled();

    await jobsService.retry(admin as StaffPrincipal, 'scoring', own.id);
    expect(inspector.retry).toHaveBeenCalledWith('scoring', own.id);
    expect(audit.recordChange).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ agencyId: AGENCY, action: 'job.retried' }),
    );

    inspector.retry.mockResolvedValue(false);
    await expect(jobsService.retry(admin as StaffPrincipal, 'scoring', own.id)).rejects.toThrow(ConflictException);
  });
});
