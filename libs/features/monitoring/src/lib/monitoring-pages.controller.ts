import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { roleMay } from '@probity/access';
import type { ProcurementCase } from '@probity/cases';
import { Granted } from '@probity/evaluation';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffOnly, StaffPrincipal } from '@probity/identity';
import { FormBody, FormRefusal, formRefusal, PageRefusal, runPageStep } from '@probity/web';
import { monitoringView } from './monitoring-view';
import { MonitoringService } from './monitoring.service';

const NOTICES: Record<string, string> = {
  started: 'Monitoring has started: the owners are reminded when each check falls due.',
  done: 'The check is recorded as done.',
  owner: 'The check has a new owner, who is reminded when it falls due.',
};

/** The officer's monitoring page: the schedule with overdue checks first, start, and done. */
@ApiExcludeController()
@StaffOnly()
@Controller('cases/:caseId/monitoring')
export class MonitoringPagesController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get()
  @RequiresAccess('readiness.read')
  async page(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    await this.render(response, staff, procurementCase, { flash: notice ? NOTICES[notice] : undefined });
  }

  @Post()
  @RequiresAccess('readiness.manage')
  async start(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @Res() response: Response,
  ) {
    await this.step(response, staff, procurementCase, 'started', {}, () =>
      this.monitoring.start(procurementCase, staff),
    );
  }

  @Post('done')
  @RequiresAccess('readiness.manage')
  async done(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    await this.step(response, staff, procurementCase, 'done', form, () =>
      this.monitoring.markDone(procurementCase, form.checkId ?? '', staff),
    );
  }

  @Post('owner')
  @RequiresAccess('readiness.manage')
  async reassign(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    await this.step(response, staff, procurementCase, `owner#check-${form.checkId}`, form, () =>
      this.monitoring.reassign(procurementCase, form.checkId ?? '', form.ownerId ?? '', staff),
    );
  }

  /** Runs a step of the schedule; the browser goes back to it with `notice`, or sees the refusal there. */
  private step(
    response: Response,
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    notice: string,
    form: Record<string, string>,
    run: () => Promise<unknown>,
  ) {
    const then = `/cases/${procurementCase.id}/monitoring?notice=${notice}`;
    return runPageStep(response, run, then, (refused: PageRefusal) =>
      // Shown at the form it came from: the owner a check was to be handed to stays chosen.
      this.render(response, staff, procurementCase, {
        refusal: formRefusal(refused, {
          values: form,
          fields: { ownerId: /^Choose an active member/ },
          idOf: () => `owner-${form.checkId}`,
        }),
      }),
    );
  }

  private async render(
    response: Response,
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    extra: { flash?: string; refusal?: FormRefusal },
  ) {
    const view = monitoringView(await this.monitoring.scheduleOf(procurementCase.id));
    const canWrite = roleMay('readiness.manage', staff);
    const owners = canWrite ? await this.monitoring.possibleOwners(procurementCase.agencyId) : [];
    const { refusal } = extra;
    const refusedHere = (checkId: string) => (refusal?.values.checkId === checkId ? refusal : undefined);
    response.status(refusal?.status ?? 200).render('cases/monitoring', {
      title: `Post-award monitoring · ${procurementCase.reference}`,
      procurementCase,
      ...view,
      checks: view.checks.map((check) => {
        const chosen = refusedHere(check.id)?.values.ownerId ?? check.ownerId;
        return {
          ...check,
          ownerError: refusedHere(check.id)?.fieldErrors.ownerId,
          owners: owners.map((owner) => ({ ...owner, selected: owner.id === chosen })),
        };
      }),
      canWrite,
      canStart: roleMay('readiness.manage', staff) && ['awarded', 'in_use'].includes(procurementCase.status),
      flash: extra.flash,
      refusal,
    });
  }
}
