import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditTrail, caseChange, staffAuditActor } from '@probity/audit';
import { CasesService, ProcurementCase } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import type { StaffPrincipal } from '@probity/identity';
import type { DossierInput } from '../../model/dossier-input';
import type { RiskRow } from '../../model/risk-register';
import {
  applyRiskEdit,
  DossierRiskRegister,
  newRisk,
  RegisteredRisk,
  RiskEdit,
  RiskEditError,
  unacceptedAboveAppetite,
} from '../../model/risk-register-view';
import { DossierInputSource } from '../case-dossier-source';
import { RiskRegisterAssembler } from './risk-register-assembler';
import { RiskAcceptanceEntity } from './risk-register.entities';
import { RiskRegisterRepository } from './risk-register.repository';

/** Case statuses in which the register can be kept: it documents the evaluation, until sign-off freezes it. */
const KEPT_IN = new Set(['evaluation', 'dossier_review']);

export interface RiskRegisterState extends DossierRiskRegister {
  caseId: string;
  caseReference: string;
  recommendedProviderId: string | null;
  acceptances: Array<Omit<RiskAcceptanceEntity, 'caseId'>>;
  /** Rows of the recommended provider above the appetite with no acceptance yet: they block approval. */
  blocking: Array<{ providerName: string; key: string; description: string; residual: number }>;
}

/**
 * The risk register as staff keep it: scoped to the caller's agency, every change with a reason and
 * in the audit trail. Access (role, panel seat) is the access policy's, decided by the route guard.
 */
@Injectable()
export class RiskRegisterService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: RiskRegisterRepository,
    private readonly assembler: RiskRegisterAssembler,
    private readonly source: DossierInputSource,
    private readonly cases: CasesService,
    private readonly audit: AuditTrail,
  ) {}

  /** The registers of every ranked provider; opening them stores the proposals the officer then edits. */
  async register(staff: StaffPrincipal, caseId: string): Promise<RiskRegisterState> {
    const procurementCase = await this.cases.caseOfAgency(staff.agencyId, caseId);
    const input = await this.source.inputFor(procurementCase.id);
    if (KEPT_IN.has(procurementCase.status))
      await this.unitOfWork.run(() => this.assembler.materialise(procurementCase.id, input));
    return this.stateOf(procurementCase, input);
  }

  /** The register as the current data gives it, with acceptances and what still blocks approval. */
  async stateOf(procurementCase: ProcurementCase, input?: DossierInput): Promise<RiskRegisterState> {
    const current = input ?? (await this.source.inputFor(procurementCase.id));
    const register = current.riskRegister ?? {
      appetite: await this.assembler.appetiteOf(procurementCase.agencyId),
      providers: [],
    };
    const acceptances = await this.repository.acceptancesOfCase(procurementCase.id);
    const recommendedProviderId = current.comparison.recommendedProviderId;
    return {
      caseId: procurementCase.id,
      caseReference: procurementCase.reference,
      ...register,
      recommendedProviderId,
      acceptances: acceptances.map(({ caseId: _caseId, ...rest }) => rest),
      blocking: unacceptedAboveAppetite(register, recommendedProviderId, acceptances).map(({ providerName, row }) => ({
        providerName,
        key: row.key,
        description: row.description,
        residual: row.residual,
      })),
    };
  }

  /** What blocks approval of a rendered version: its register's unaccepted residual risks above the appetite. */
  async blockingIn(caseId: string, snapshot: DossierInput): Promise<string[]> {
    const acceptances = await this.repository.acceptancesOfCase(caseId);
    return unacceptedAboveAppetite(snapshot.riskRegister, snapshot.comparison.recommendedProviderId, acceptances).map(
      ({ providerName, row }) => `${providerName}: ${row.description} (residual ${row.residual})`,
    );
  }

  async edit(
    staff: StaffPrincipal,
    caseId: string,
    input: { providerId: string; key: string; reason: string; changes: RiskEdit },
  ): Promise<RegisteredRisk> {
    this.assertReason(input.reason);
    const { procurementCase, row } = await this.rowOf(staff, caseId, input.providerId, input.key);
    const changed = this.checked(() => applyRiskEdit(row, input.changes));
    const origin = row.origin === 'added' ? 'added' : 'proposed';
    await this.keep(staff, procurementCase, input.providerId, changed, origin, input.reason, false, 'risk.edited', row);
    return { ...changed, origin: origin === 'added' ? 'added' : 'edited', reason: input.reason.trim() };
  }

  async add(
    staff: StaffPrincipal,
    caseId: string,
    input: RiskEdit & { providerId: string; reason: string },
  ): Promise<RegisteredRisk> {
    const { procurementCase, register } = await this.keptRegister(staff, caseId);
    if (!register.providers.some((p) => p.providerId === input.providerId))
      throw new NotFoundException('No such ranked provider in this case.');
    const { providerId: _providerId, reason, ...fields } = input;
    const row = this.checked(() => newRisk(randomUUID(), fields, staff.name, reason.trim()));
    await this.keep(staff, procurementCase, input.providerId, row, 'added', reason, false, 'risk.added', null);
    return { ...row, origin: 'added', reason: reason.trim() };
  }

  async remove(staff: StaffPrincipal, caseId: string, input: { providerId: string; key: string; reason: string }) {
    this.assertReason(input.reason);
    const { procurementCase, row } = await this.rowOf(staff, caseId, input.providerId, input.key);
    await this.keep(
      staff,
      procurementCase,
      input.providerId,
      row,
      row.origin === 'added' ? 'added' : 'proposed',
      input.reason,
      true,
      'risk.removed',
      row,
    );
    return { removed: input.key };
  }

  /** A legal reviewer accepts one residual risk above the appetite, with reasons, at its current score. */
  async accept(staff: StaffPrincipal, caseId: string, input: { providerId: string; key: string; reason: string }) {
    if (!input.reason?.trim()) throw new BadRequestException('An acceptance needs your reasons.');
    const procurementCase = await this.cases.caseOfAgency(staff.agencyId, caseId);
    if (procurementCase.status !== 'dossier_review')
      throw new ConflictException('Residual risks are accepted during legal review of the dossier.');
    const { register, row } = await this.findRow(procurementCase, input.providerId, input.key);
    if (row.residual <= register.appetite)
      throw new ConflictException(
        `This risk's residual score (${row.residual}) is within the agency's appetite (${register.appetite}): nothing to accept.`,
      );
    return this.unitOfWork.run(async () => {
      const accepted = await this.repository.insertAcceptance({
        caseId: procurementCase.id,
        providerId: input.providerId,
        rowKey: row.key,
        residual: row.residual,
        reviewerId: staff.userId,
        reviewerName: staff.name,
        reason: input.reason.trim(),
      });
      await this.audit.recordChange(
        staffAuditActor(staff),
        caseChange(procurementCase, 'risk.accepted', {
          before: null,
          after: { providerId: input.providerId, key: row.key, residual: row.residual, reason: accepted.reason },
        }),
      );
      return accepted;
    });
  }

  async appetite(staff: StaffPrincipal): Promise<{ residualThreshold: number }> {
    return { residualThreshold: await this.assembler.appetiteOf(staff.agencyId) };
  }

  async setAppetite(
    staff: StaffPrincipal,
    residualThreshold: number,
    reason: string,
  ): Promise<{ residualThreshold: number }> {
    if (!Number.isInteger(residualThreshold) || residualThreshold < 1 || residualThreshold > 25)
      throw new BadRequestException('The appetite is a whole number from 1 to 25.');
    if (!reason?.trim()) throw new BadRequestException('A change of the appetite needs a reason.');
    return this.unitOfWork.run(async () => {
      const before = await this.assembler.appetiteOf(staff.agencyId);
      await this.repository.setAppetite(staff.agencyId, residualThreshold);
      await this.audit.recordChange(staffAuditActor(staff), {
        agencyId: staff.agencyId,
        action: 'agency.risk-appetite-set',
        subject: { type: 'agency', id: staff.agencyId },
        before: { residualThreshold: before },
        after: { residualThreshold, reason: reason.trim() },
      });
      return { residualThreshold };
    });
  }

  private assertReason(reason: string | undefined): void {
    if (!reason?.trim()) throw new BadRequestException('Every change to the register needs a reason.');
  }

  private checked<T>(make: () => T): T {
    try {
      return make();
    } catch (error) {
      if (error instanceof RiskEditError) throw new BadRequestException(error.message);
      throw error;
    }
  }

  private async keptRegister(staff: StaffPrincipal, caseId: string) {
    const procurementCase = await this.cases.caseOfAgency(staff.agencyId, caseId);
    if (!KEPT_IN.has(procurementCase.status))
      throw new ConflictException(
        `The register is kept from evaluation until sign-off: this case is ${procurementCase.status.replace('_', ' ')}.`,
      );
    const input = await this.source.inputFor(procurementCase.id);
    return { procurementCase, register: input.riskRegister ?? { appetite: 0, providers: [] } };
  }

  private async rowOf(staff: StaffPrincipal, caseId: string, providerId: string, key: string) {
    const { procurementCase, register } = await this.keptRegister(staff, caseId);
    return { procurementCase, row: this.rowIn(register, providerId, key) };
  }

  private async findRow(procurementCase: ProcurementCase, providerId: string, key: string) {
    const input = await this.source.inputFor(procurementCase.id);
    const register = input.riskRegister ?? { appetite: 0, providers: [] };
    return { register, row: this.rowIn(register, providerId, key) };
  }

  private rowIn(register: DossierRiskRegister, providerId: string, key: string): RegisteredRisk {
    const row = register.providers.find((p) => p.providerId === providerId)?.rows.find((r) => r.key === key);
    if (!row) throw new NotFoundException('No such risk in this provider’s register.');
    return row;
  }

  private async keep(
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    providerId: string,
    content: RiskRow,
    origin: 'proposed' | 'added',
    reason: string,
    removed: boolean,
    action: string,
    before: RegisteredRisk | null,
  ): Promise<void> {
    if (!reason?.trim()) throw new BadRequestException('Every change to the register needs a reason.');
    const { origin: _o, reason: _r, ...plain } = content as RegisteredRisk;
    await this.unitOfWork.run(async () => {
      const existing = await this.repository.findRow(procurementCase.id, providerId, content.key);
      await this.repository.save({
        id: existing?.id ?? randomUUID(),
        caseId: procurementCase.id,
        providerId,
        rowKey: content.key,
        origin,
        content: plain,
        edited: true,
        lastReason: reason.trim(),
        removedAt: removed ? new Date() : null,
      });
      await this.audit.recordChange(
        staffAuditActor(staff),
        caseChange(procurementCase, action, {
          before,
          after: removed ? { providerId, key: content.key, removed: true, reason } : { providerId, ...plain, reason },
        }),
      );
    });
  }
}
