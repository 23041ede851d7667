import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { roleMay } from '@probity/access';
import type { ProcurementCase } from '@probity/cases';
import { Granted } from '@probity/evaluation';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffOnly, StaffPrincipal } from '@probity/identity';
import { FormBody, PageRefusal, pageRefusalOf, runPageStep } from '@probity/web';
import { openMandatoryItems, READINESS_STATUS_LABELS, READINESS_STATUSES } from '../model/readiness-checklist';
import { OpenReadinessItemsException, ReadinessService } from './readiness.service';

const NOTICES: Record<string, string> = {
  saved: 'The readiness item is saved.',
  'in-use': 'The system is now in use.',
};

/** The officer's readiness page: the checklist, one form per item, and the post-award step into use. */
@ApiExcludeController()
@StaffOnly()
@Controller('cases/:caseId')
export class ReadinessPagesController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('readiness')
  @RequiresAccess('readiness.read')
  async page(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    await this.render(response, staff, procurementCase, { flash: notice ? NOTICES[notice] : undefined });
  }

  /**
   * Both forms of the page post to the page's own address, so a refusal (an item's, or the step into
   * use with open items) is shown at the checklist's address, not at one that only takes a POST.
   */
  @Post('readiness')
  @RequiresAccess('readiness.manage')
  async update(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    if (form.step === 'into-use') return this.readyForUse(response, staff, procurementCase, form);
    await runPageStep(
      response,
      () => this.readiness.updateItem(procurementCase, form.key ?? '', form, staff),
      `/cases/${procurementCase.id}/readiness?notice=saved#item-${form.key}`,
      this.refused(response, staff, procurementCase, form),
    );
  }

  private async readyForUse(
    response: Response,
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    form: Record<string, string>,
  ) {
    const errorTitle = 'The system was not put into use';
    if (form.confirmed !== 'yes')
      return this.render(response.status(422), staff, procurementCase, {
        errors: ['Tick the confirmation that the agency is ready to use the system.'],
        errorTitle,
      });
    try {
      await this.readiness.putIntoUse(procurementCase, staff);
    } catch (error) {
      if (!(error instanceof OpenReadinessItemsException))
        return this.refused(response, staff, procurementCase)(pageRefusalOf(error));
      // The open items as links to their forms on this page, each with its status.
      return this.render(response.status(409), staff, procurementCase, {
        errors: [pageRefusalOf(error).errors[0]],
        errorTitle,
        openItems: error.open.map((row) => ({
          key: row.key,
          title: row.title,
          basis: row.basis,
          status: READINESS_STATUS_LABELS[row.status].toLowerCase(),
        })),
      });
    }
    response.redirect(303, `/cases/${procurementCase.id}/readiness?notice=in-use`);
  }

  private refused(
    response: Response,
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    form?: Record<string, string>,
  ) {
    return ({ errors, status }: PageRefusal) =>
      this.render(response.status(status), staff, procurementCase, { errors, form });
  }

  private async render(
    response: Response,
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    extra: {
      flash?: string;
      errors?: string[];
      errorTitle?: string;
      openItems?: Array<{ key: string; title: string; basis: string; status: string }>;
      form?: Record<string, string>;
    },
  ) {
    const rows = await this.readiness.checklistOf(procurementCase);
    const open = openMandatoryItems(rows);
    const kept = (key: string) => (extra.form?.key === key ? extra.form : undefined);
    response.render('cases/readiness', {
      title: `Agency readiness · ${procurementCase.reference}`,
      procurementCase,
      items: rows.map((row) => {
        const form = kept(row.key);
        const status = form?.status ?? row.status;
        return {
          ...row,
          statusLabel: READINESS_STATUS_LABELS[row.status],
          owner: form ? form.owner : row.owner,
          dueOn: form ? form.dueOn : row.dueOn,
          evidence: form ? form.evidence : row.evidence,
          statuses: READINESS_STATUSES.map((value) => ({
            value,
            label: READINESS_STATUS_LABELS[value],
            selected: value === status,
          })),
        };
      }),
      open,
      canWrite: roleMay('readiness.manage', staff) && procurementCase.status !== 'cancelled',
      canPutIntoUse: roleMay('readiness.manage', staff) && procurementCase.status === 'awarded',
      inUse: procurementCase.status === 'in_use',
      flash: extra.flash,
      errors: extra.errors ?? [],
      errorTitle: extra.errorTitle ?? 'That was not saved',
      openItems: extra.openItems ?? [],
    });
  }
}
