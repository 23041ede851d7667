import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Granted } from '@probity/evaluation';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffOnly, StaffPrincipal } from '@probity/identity';
import { API_PREFIX, FormBody } from '@probity/web';
import { monitoringView } from './monitoring-view';
import { MonitoringService } from './monitoring.service';

/** Post-award monitoring of a case as JSON: the schedule, starting it, and checks done. */
@ApiTags('monitoring')
@StaffOnly()
@Controller(`${API_PREFIX}/cases/:caseId/monitoring`)
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get()
  @RequiresAccess('readiness.read')
  async show(@AccessGranted() { procurementCase }: Granted) {
    return monitoringView(await this.monitoring.scheduleOf(procurementCase.id));
  }

  /** Builds the first year's schedule from the signed dossier's contract conditions (409 before award). */
  @Post()
  @RequiresAccess('readiness.manage')
  async start(@CurrentStaff() staff: StaffPrincipal, @AccessGranted() { procurementCase }: Granted) {
    return monitoringView(await this.monitoring.start(procurementCase, staff));
  }

  /** `{ checkId }`: records a check as done. */
  @Post('done')
  @HttpCode(200)
  @RequiresAccess('readiness.manage')
  async done(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @FormBody('fields') body: Record<string, string>,
  ) {
    await this.monitoring.markDone(procurementCase, body.checkId ?? '', staff);
    return monitoringView(await this.monitoring.scheduleOf(procurementCase.id));
  }

  /** `{ checkId, ownerId }`: hands an open check to another active member of the agency's staff. */
  @Post('owner')
  @HttpCode(200)
  @RequiresAccess('readiness.manage')
  async reassign(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @FormBody('fields') body: Record<string, string>,
  ) {
    await this.monitoring.reassign(procurementCase, body.checkId ?? '', body.ownerId ?? '', staff);
    return monitoringView(await this.monitoring.scheduleOf(procurementCase.id));
  }
}
