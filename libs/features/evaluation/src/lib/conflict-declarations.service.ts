import { Injectable } from '@nestjs/common';
import { AuditTrail, staffAuditActor } from '@probity/audit';
import type { ProcurementCase } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import type { StaffPrincipal } from '@probity/identity';
import { ConflictDeclaration } from './evaluation.entities';
import { OPENED } from './panel-case';
import { evaluationAccess } from './panel-rules';
import { PanelService } from './panel.service';

export type PanelAccess = ReturnType<typeof evaluationAccess>;

/**
 * An evaluator's conflict-of-interest declaration for a case, and what it opens: nothing before it,
 * the submissions after "no conflict", recusal for good after a conflict. Callers pass the case the
 * access policy granted them (`panel.declare`); this service does not ask the policy again.
 */
@Injectable()
export class ConflictDeclarationsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly panel: PanelService,
    private readonly audit: AuditTrail,
  ) {}

  async declaration(found: ProcurementCase, staff: StaffPrincipal): Promise<ConflictDeclaration | null> {
    return this.panel.declarationOf(found.id, staff.userId);
  }

  async access(found: ProcurementCase, staff: StaffPrincipal): Promise<PanelAccess> {
    const declaration = await this.declaration(found, staff);
    return evaluationAccess(declaration ? { declared: true, hasConflict: declaration.hasConflict } : null);
  }

  /** Whether submissions of this case are visible to the panel yet. */
  submissionsOpened(found: ProcurementCase): boolean {
    return OPENED.has(found.status);
  }

  /** Records the declaration once (409 after that, 422 without a statement), with its audit entry. */
  async declare(
    staff: StaffPrincipal,
    found: ProcurementCase,
    hasConflict: boolean,
    statement: string,
  ): Promise<ConflictDeclaration> {
    return this.unitOfWork.run(async () => {
      const declaration = await this.panel.declareConflict(found.id, staff.userId, hasConflict, statement);
      await this.audit.recordChange(staffAuditActor(staff), {
        agencyId: staff.agencyId,
        action: 'panel.conflict-declared',
        subject: { type: 'case', id: found.id },
        before: null,
        after: { hasConflict, statement: declaration.statement },
      });
      return declaration;
    });
  }
}
