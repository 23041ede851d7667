import { ConflictException, Injectable, Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditTrail, caseChange, staffAuditActor } from '@probity/audit';
import { CasesService, isUuid, ProcurementCase } from '@probity/cases';
import { AppConfig } from '@probity/config';
import { UnitOfWork } from '@probity/database';
import { buildDossierView, DossierInput, DossierService } from '@probity/dossier';
import { IdentityService } from '@probity/identity';
import { Notifier, QueuedMail } from '@probity/notifications';
import { isOverdue, monitoringSchedule, MonitoringRule } from '../model/monitoring-schedule';
import { MonitoringCheck } from './monitoring.entities';
import { MonitoringRepository } from './monitoring.repository';

/** Who starts monitoring: the officer, who also owns each check until it is handed on. */
export interface MonitoringOfficer {
  userId: string;
  name: string;
  role: string;
}

const MONITORED_STATUSES = new Set(['awarded', 'in_use']);
const day = (at: Date) => at.toISOString().slice(0, 10);
const REMINDER_BATCH = 200;

/** What every monitoring e-mail says about its case. */
function caseMailContext(agency: { name: string }, procurementCase: ProcurementCase) {
  return { agencyName: agency.name, caseTitle: procurementCase.title, caseReference: procurementCase.reference };
}

/** Post-award monitoring of a case: the schedule, overdue checks, reminders to owners and monthly summaries. */
@Injectable()
export class MonitoringService {
  private readonly logger = new Logger(MonitoringService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly checks: MonitoringRepository,
    private readonly cases: CasesService,
    private readonly identity: IdentityService,
    private readonly dossiers: DossierService,
    private readonly notifier: Notifier,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
  ) {}

  /**
   * The contract conditions of the case: the MCC-AI clauses the signed dossier lists because of gaps
   * in eligible providers' answers. None when no dossier is signed (standard frequencies then apply).
   */
  async contractConditions(caseId: string): Promise<string[]> {
    const signed = (await this.dossiers.versionsOf(caseId)).filter((v) => v.status === 'signed').at(-1);
    if (!signed) return [];
    const view = buildDossierView(signed.snapshot as DossierInput, {
      version: signed.version,
      status: 'signed',
      contentHash: signed.snapshotHash,
      generatedAt: (signed.renderedAt ?? signed.requestedAt).toISOString(),
    });
    return view.clauseChecklist.map((entry) => entry.clause);
  }

  /**
   * Builds the first year's schedule after award. `extraRules` is where the risk register's reviews
   * come in (one rule per accepted or mitigated risk); until it exists, the contract conditions decide.
   */
  async start(
    procurementCase: ProcurementCase,
    officer: MonitoringOfficer,
    now = new Date(),
    extraRules: readonly MonitoringRule[] = [],
  ): Promise<MonitoringCheck[]> {
    if (!MONITORED_STATUSES.has(procurementCase.status))
      throw new ConflictException('Monitoring starts after the award: record the award first.');
    if ((await this.checks.ofCase(procurementCase.id)).length > 0)
      throw new ConflictException('Monitoring of this case has already started.');
    const conditions = await this.contractConditions(procurementCase.id);
    const schedule = monitoringSchedule(day(now), conditions, extraRules);
    await this.unitOfWork.run(async () => {
      await this.checks.insertAll(
        schedule.map((check) => ({
          id: randomUUID(),
          caseId: procurementCase.id,
          checkKey: check.key,
          kind: check.kind,
          title: check.title,
          basis: check.basis,
          because: check.because,
          ownerId: officer.userId,
          ownerName: officer.name,
          officerId: officer.userId,
          dueOn: check.dueOn,
          doneAt: null,
          remindedAt: null,
        })),
      );
      await this.audit.recordChange(
        staffAuditActor(officer),
        caseChange(procurementCase, 'monitoring.started', {
          after: { checks: schedule.length, contractConditions: conditions },
        }),
      );
    });
    return this.checks.ofCase(procurementCase.id);
  }

  scheduleOf(caseId: string): Promise<MonitoringCheck[]> {
    return this.checks.ofCase(caseId);
  }

  async overdueOf(caseId: string, now = new Date()): Promise<MonitoringCheck[]> {
    return (await this.checks.ofCase(caseId)).filter((check) => isOverdue(check, day(now)));
  }

  async markDone(procurementCase: ProcurementCase, checkId: string, officer: MonitoringOfficer, now = new Date()) {
    // A malformed id names no check: 404 like any unknown one, never a database error.
    if (!isUuid(checkId)) throw new NotFoundException('No such open monitoring check.');
    await this.unitOfWork.run(async () => {
      if (!(await this.checks.markDone(procurementCase.id, checkId, now)))
        throw new NotFoundException('No such open monitoring check.');
      await this.audit.recordChange(
        staffAuditActor(officer),
        caseChange(procurementCase, 'monitoring.check-done', {
          after: { check: checkId },
        }),
      );
    });
  }

  /**
   * Hands an open check to another active member of the agency's staff (audited). A reminder already
   * sent went to the previous owner, so the new owner is reminded too once the check is due.
   */
  async reassign(procurementCase: ProcurementCase, checkId: string, ownerId: string, officer: MonitoringOfficer) {
    if (!isUuid(checkId)) throw new NotFoundException('No such open monitoring check.');
    const owner = isUuid(ownerId) ? await this.identity.findStaffUser(procurementCase.agencyId, ownerId) : null;
    if (!owner || owner.disabledAt)
      throw new UnprocessableEntityException('Choose an active member of your agency’s staff.');
    await this.unitOfWork.run(async () => {
      const before = (await this.checks.ofCase(procurementCase.id)).find((c) => c.id === checkId && !c.doneAt);
      if (!before || !(await this.checks.reassign(procurementCase.id, checkId, owner.id, owner.name)))
        throw new NotFoundException('No such open monitoring check.');
      await this.audit.recordChange(
        staffAuditActor(officer),
        caseChange(procurementCase, 'monitoring.owner-changed', {
          before: { check: checkId, ownerId: before.ownerId, owner: before.ownerName },
          after: { check: checkId, ownerId: owner.id, owner: owner.name },
        }),
      );
    });
  }

  /** Active staff of the agency who can own a check, by name. */
  async possibleOwners(agencyId: string): Promise<Array<{ id: string; name: string }>> {
    return (await this.identity.staffOfAgency(agencyId))
      .filter((user) => !user.disabledAt)
      .map((user) => ({ id: user.id, name: user.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Reminds the owner of every check due by `now`, once: the check is claimed (reminded_at set only
   * where it is still empty) in the transaction that queues the mail, so two runs cannot both send it.
   */
  async sendDueReminders(now: Date): Promise<number> {
    let sent = 0;
    for (const check of await this.checks.dueUnreminded(day(now), REMINDER_BATCH)) {
      const procurementCase = await this.cases.getCase(check.caseId);
      const owner = await this.identity.findStaffUser(procurementCase.agencyId, check.ownerId);
      if (!owner) {
        this.logger.warn({ checkId: check.id }, 'monitoring reminder skipped: the owner has no account');
        continue;
      }
      const agency = await this.identity.getAgency(procurementCase.agencyId);
      const claimed = await this.queueOnce(() => this.checks.claimReminder(check.id, now), {
        template: 'monitoring-reminder',
        to: [owner.email],
        context: {
          ownerName: owner.name,
          ...caseMailContext(agency, procurementCase),
          checkTitle: check.title,
          basis: check.basis,
          dueOn: check.dueOn,
          caseUrl: `${this.config.publicBaseUrl}/cases/${procurementCase.id}/monitoring`,
        },
        idempotencyKey: `monitoring-reminder:${check.id}`,
      });
      if (claimed) sent++;
    }
    return sent;
  }

  /** One summary per monitored case and calendar month (UTC) to the officer who started monitoring. */
  async sendMonthlySummaries(now: Date): Promise<number> {
    const month = day(now).slice(0, 7);
    const horizon = day(new Date(now.getTime() + 31 * 86400000));
    let sent = 0;
    for (const { caseId, officerId } of await this.checks.monitoredCases()) {
      const procurementCase = await this.cases.getCase(caseId);
      const officer = await this.identity.findStaffUser(procurementCase.agencyId, officerId);
      if (!officer) continue;
      const agency = await this.identity.getAgency(procurementCase.agencyId);
      const checks = await this.checks.ofCase(caseId);
      const line = (check: MonitoringCheck) => ({ title: check.title, dueOn: check.dueOn, owner: check.ownerName });
      const claimed = await this.queueOnce(() => this.checks.claimSummary(caseId, month, now), {
        template: 'monitoring-summary',
        to: [officer.email],
        context: {
          officerName: officer.name,
          ...caseMailContext(agency, procurementCase),
          month,
          overdue: checks.filter((check) => isOverdue(check, day(now))).map(line),
          upcoming: checks
            .filter((check) => !check.doneAt && check.dueOn >= day(now) && check.dueOn <= horizon)
            .map(line),
          caseUrl: `${this.config.publicBaseUrl}/cases/${caseId}/monitoring`,
        },
        idempotencyKey: `monitoring-summary:${caseId}:${month}`,
      });
      if (claimed) sent++;
    }
    return sent;
  }

  /** Queues the mail in the same unit of work as its claim, and only if the claim was won (sent once). */
  private queueOnce<T extends 'monitoring-reminder' | 'monitoring-summary'>(
    claim: () => Promise<boolean>,
    mail: QueuedMail<T>,
  ): Promise<boolean> {
    return this.unitOfWork.run(async () => {
      if (!(await claim())) return false;
      await this.notifier.queue(mail);
      return true;
    });
  }
}
