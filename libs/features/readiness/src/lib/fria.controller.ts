import { Controller, Get, HttpCode, Post, Put, UnprocessableEntityException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Granted } from '@probity/evaluation';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffOnly, StaffPrincipal } from '@probity/identity';
import { API_PREFIX, FormBody } from '@probity/web';
import { friaView } from './fria-view';
import { FriaService } from './fria.service';

/** The agency's FRIA of a case (AI Act Art. 27) as JSON: the six headings and the consultation record. */
@ApiTags('fria')
@StaffOnly()
@Controller(`${API_PREFIX}/cases/:caseId/fria`)
export class FriaController {
  constructor(private readonly fria: FriaService) {}

  @Get()
  @RequiresAccess('readiness.read')
  async show(@AccessGranted() { procurementCase }: Granted) {
    return friaView(await this.fria.friaOf(procurementCase.id));
  }

  /** `{ headings: { a: "…", c: "…" } }`: writes the named headings; an empty text clears one. */
  @Put()
  @HttpCode(200)
  @RequiresAccess('readiness.manage')
  async write(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @FormBody('any') body: Record<string, unknown>,
  ) {
    const headings = body.headings;
    if (!headings || typeof headings !== 'object' || Array.isArray(headings))
      throw new UnprocessableEntityException(['Send the headings to write as { "headings": { "a": "…" } }.']);
    await this.fria.writeHeadings(procurementCase, headings as Record<string, unknown>, staff);
    return friaView(await this.fria.friaOf(procurementCase.id));
  }

  /** `{ group, stakeholder, heldOn, said, changed }`: records one consultation of stakeholders. */
  @Post('consultations')
  @RequiresAccess('readiness.manage')
  async consult(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @FormBody('fields') body: Record<string, string>,
  ) {
    const row = await this.fria.recordConsultation(procurementCase, body, staff);
    return { id: row.id };
  }
}
