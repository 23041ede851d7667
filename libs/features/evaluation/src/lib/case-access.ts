import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { decideAccess, Permission } from '@probity/access';
import { CasesService, ProcurementCase, ProviderResponse, ResponsesService } from '@probity/cases';
import { CaseAccessCheck, CaseAccessIds, StaffPrincipal } from '@probity/identity';
import { PanelRepository } from './panel.repository';

/** What a route names: a case, a response, or a response within a case. */
export type AccessIds = { caseId: string; responseId?: string } | { caseId?: undefined; responseId: string };

export interface Granted {
  procurementCase: ProcurementCase;
  response?: ProviderResponse;
}

/**
 * The NestJS side of the access policy (@probity/access): loads the facts the policy decides on —
 * the case with its panel, the principal's conflict-of-interest declaration, the response — and
 * answers 404 for ids of another agency, 403 with the reason for anything else refused. Routes call
 * `requireAccess` first and use the case and response it returns.
 */
@Injectable()
export class CaseAccess implements CaseAccessCheck {
  constructor(
    private readonly panel: PanelRepository,
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
  ) {}

  async requireAccess(staff: StaffPrincipal, permission: Permission, ids: AccessIds | CaseAccessIds): Promise<Granted> {
    const response = ids.responseId ? await this.responses.responseOfAgency(staff.agencyId, ids.responseId) : undefined;
    const caseId = ids.caseId ?? response?.caseId;
    if (!caseId) throw new NotFoundException('No such case.');
    const procurementCase = await this.cases.caseOfAgency(staff.agencyId, caseId);
    const declaration = await this.panel.declarationOf(procurementCase.id, staff.userId);
    const decision = decideAccess(permission, {
      principal: staff,
      procurementCase,
      declaration: declaration && { hasConflict: declaration.hasConflict },
      response,
    });
    if (!decision.allowed) {
      if (decision.status === 404) throw new NotFoundException(decision.message);
      throw new ForbiddenException({
        message: decision.message,
        reason: decision.reason,
        ...(decision.next ? { next: decision.next } : {}),
      });
    }
    return { procurementCase, response };
  }
}
