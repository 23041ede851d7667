import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Granted } from '@probity/evaluation';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffOnly, StaffPrincipal } from '@probity/identity';
import { API_PREFIX, FormBody } from '@probity/web';
import { openMandatoryItems } from '../model/readiness-checklist';
import { ReadinessService } from './readiness.service';

/** The agency's readiness checklist of a case as JSON, and the post-award step into use. */
@ApiTags('readiness')
@StaffOnly()
@Controller(`${API_PREFIX}/cases/:caseId`)
export class ReadinessController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('readiness')
  @RequiresAccess('readiness.read')
  async show(@AccessGranted() { procurementCase }: Granted) {
    const items = await this.readiness.checklistOf(procurementCase);
    return { items, openMandatory: openMandatoryItems(items).map((row) => row.key) };
  }

  /** `{ key, status, owner, dueOn, evidence }`: records one item; closing needs an owner and evidence. */
  @Put('readiness')
  @HttpCode(200)
  @RequiresAccess('readiness.manage')
  async update(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @FormBody('fields') body: Record<string, string>,
  ) {
    return this.readiness.updateItem(procurementCase, body.key ?? '', body, staff);
  }

  /** The post-award "ready for use" step: 409 with the open mandatory items while any is open. */
  @Post('ready-for-use')
  @HttpCode(200)
  @RequiresAccess('readiness.manage')
  async readyForUse(@CurrentStaff() staff: StaffPrincipal, @AccessGranted() { procurementCase }: Granted) {
    const moved = await this.readiness.putIntoUse(procurementCase, staff);
    return { status: moved.status };
  }
}
