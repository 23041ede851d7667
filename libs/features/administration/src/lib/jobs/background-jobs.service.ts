import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditTrail, staffAuditActor } from '@probity/audit';
import { CasesService, isUuid, ProcurementCase, ResponsesService } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { DossierService } from '@probity/dossier';
import type { StaffPrincipal } from '@probity/identity';
import { FailedJobRecord, JobInspector, JobName, QueueJobCounts, QueueName } from '@probity/queue';
import { failureSentence } from './job-failure';

/** How an administrator reads each job name. */
export const JOB_LABELS: Record<JobName, string> = {
  'system.heartbeat': 'Queue round trip check',
  'scoring.score-response': 'Scoring one response',
  'scoring.score-responses': 'Scoring several responses',
  'scoring.compare-case': 'Building the comparison',
  'evaluation.start': 'Starting the evaluation',
  'evaluation.invite-evaluators': 'Inviting evaluators',
  'dossier.render': 'Rendering a dossier',
  'dossier.sign': 'Signing a dossier',
  'mail.send': 'Sending an e-mail',
  'invites.send-reminders': 'Deadline reminders',
  'monitoring.send-reminders': 'Monitoring reminders',
};

/** One failed job of the agency, as the Background jobs page and its JSON twin show it. */
export interface AgencyFailedJob {
  queue: QueueName;
  id: string;
  name: string;
  label: string;
  caseIds: string[];
  caseReferences: string[];
  attempts: number;
  reason: string;
  failedAt: Date | null;
}

export interface JobsOverview {
  queues: QueueJobCounts[];
  failed: AgencyFailedJob[];
}

/** How many of each queue's most recent failed jobs are looked at for the agency's own. */
const FAILED_SCANNED_PER_QUEUE = 500;

/** What a payload names: the cases, responses and dossiers it is about (any of them may be absent). */
interface PayloadReferences {
  agencyId?: string;
  caseIds: string[];
  responseIds: string[];
  dossierIds: string[];
}

function referencesOf(payload: unknown): PayloadReferences {
  const data = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const text = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);
  const batch = Array.isArray(data.responses) ? data.responses : [];
  return {
    agencyId: typeof data.agencyId === 'string' ? data.agencyId : undefined,
    caseIds: text(data.caseId),
    responseIds: [
      ...text(data.responseId),
      ...batch.flatMap((item) => text((item as { responseId?: unknown })?.responseId)),
    ],
    dossierIds: text(data.dossierId),
  };
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/**
 * The agency administrator's view of the background jobs: queue counts, and the failed jobs whose
 * payload belongs to the agency, with their retry. A job is the agency's only when every case it names
 * (directly, or through a response or dossier) is the agency's; jobs of no agency (reminder runs,
 * e-mails, heartbeats) and other agencies' jobs are never listed, and retrying one is a 404.
 */
@Injectable()
export class BackgroundJobs {
  constructor(
    private readonly inspector: JobInspector,
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly dossiers: DossierService,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async overview(admin: StaffPrincipal): Promise<JobsOverview> {
    const [queues, failed] = await Promise.all([
      this.inspector.counts(),
      this.inspector.failedJobs(FAILED_SCANNED_PER_QUEUE),
    ]);
    return { queues, failed: await this.ofAgency(admin.agencyId, failed) };
  }

  /** One failed job of the agency; 404 for any other job (another agency's, of no agency, or not failed). */
  async failedJob(admin: StaffPrincipal, queue: string, jobId: string): Promise<AgencyFailedJob> {
    const queueName = Object.values(QueueName).find((name) => name === queue);
    const found = queueName && jobId.length <= 200 ? await this.inspector.failedJob(queueName, jobId) : null;
    const [owned] = found ? await this.ofAgency(admin.agencyId, [found]) : [];
    if (!owned) throw new NotFoundException('No such failed job of your agency.');
    return owned;
  }

  /** Queues the agency's failed job again; 404 for any other job, 409 when it is no longer failed. */
  async retry(admin: StaffPrincipal, queue: string, jobId: string): Promise<AgencyFailedJob> {
    const owned = await this.failedJob(admin, queue, jobId);
    const queueName = owned.queue;
    await this.unitOfWork.run(async () => {
      await this.audit.recordChange(staffAuditActor(admin), {
        agencyId: admin.agencyId,
        action: 'job.retried',
        subject: { type: 'background_job', id: `${queueName}/${jobId}` },
        before: { state: 'failed', job: owned.name, cases: owned.caseReferences, reason: owned.reason },
        after: { state: 'waiting' },
      });
      // Inside the unit of work: a job that is no longer failed leaves no audit entry behind.
      if (!(await this.inspector.retry(queueName, jobId)))
        throw new ConflictException('This job is no longer failed: it was retried already or removed.');
    });
    return owned;
  }

  private async ofAgency(agencyId: string, jobs: FailedJobRecord[]): Promise<AgencyFailedJob[]> {
    const references = new Map(jobs.map((job) => [job, referencesOf(job.payload)]));
    const all = [...references.values()];
    const responseIds = unique(all.flatMap((ref) => ref.responseIds)).filter(isUuid);
    const responseCase = new Map(
      (responseIds.length ? await this.responses.getResponses(responseIds) : []).map((r) => [r.id, r.caseId]),
    );
    const dossierCase = new Map<string, string>();
    for (const dossierId of unique(all.flatMap((ref) => ref.dossierIds)).filter(isUuid)) {
      const version = await this.dossiers.get(dossierId).catch(() => null);
      if (version) dossierCase.set(dossierId, version.caseId);
    }
    const caseIdsOf = (ref: PayloadReferences): Array<string | undefined> => [
      ...ref.caseIds,
      ...ref.responseIds.map((id) => responseCase.get(id)),
      ...ref.dossierIds.map((id) => dossierCase.get(id)),
    ];
    const agencyCases = new Map<string, ProcurementCase | null>();
    for (const caseId of unique(all.flatMap(caseIdsOf))) {
      if (caseId) agencyCases.set(caseId, await this.cases.caseOfAgency(agencyId, caseId).catch(() => null));
    }

    return jobs.flatMap((job) => {
      const ref = references.get(job) as PayloadReferences;
      const caseIds = caseIdsOf(ref);
      const ofAgencyCases = caseIds.map((id) => (id ? agencyCases.get(id) : null));
      const namesNoCase = caseIds.length === 0;
      // A job naming no case is the agency's only when its payload says so; one unknown case hides it.
      if (namesNoCase ? ref.agencyId !== agencyId : ofAgencyCases.some((found) => !found)) return [];
      const found = unique(ofAgencyCases as ProcurementCase[]);
      return [
        {
          queue: job.queue,
          id: job.id,
          name: job.name,
          label: JOB_LABELS[job.name as JobName] ?? job.name,
          caseIds: found.map((c) => c.id),
          caseReferences: found.map((c) => c.reference),
          attempts: job.attempts,
          reason: failureSentence(job.failedReason),
          failedAt: job.failedAt,
        },
      ];
    });
  }
}
