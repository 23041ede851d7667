import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { roleMay } from '@probity/access';
import type { ProcurementCase } from '@probity/cases';
import { Granted } from '@probity/evaluation';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffOnly, StaffPrincipal } from '@probity/identity';
import { FormBody, FormRefusal, formRefusal, PageRefusal, runPageStep } from '@probity/web';
import { openMandatoryItems, READINESS_STATUS_LABELS, READINESS_STATUSES } from '../model/readiness-checklist';
import { OpenReadinessItemsException, ReadinessService } from './readiness.service';

/** Which field of an item's form a refusal is about, by the words of `readinessUpdateProblems`. */
const ITEM_FIELDS: Record<string, RegExp> = {
  status: /^Choose a status|cannot be set aside|^Write all six FRIA headings/,
  owner: /^Name the owner|^The owner’s name/,
  dueOn: /^Give the due date/,
  evidence: /^Record the evidence|^The evidence note/,
};
const ITEM_FIELD_IDS: Record<string, string> = { status: 'status', owner: 'owner', dueOn: 'due', evidence: 'evidence' };

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
      (refused) =>
        this.render(response, staff, procurementCase, {
          refusal: formRefusal(refused, {
            values: form,
            fields: ITEM_FIELDS,
            idOf: (field) => `${ITEM_FIELD_IDS[field]}-${form.key}`,
          }),
        }),
    );
  }

  private async readyForUse(
    response: Response,
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    form: Record<string, string>,
  ) {
    const errorTitle = 'The system was not put into use';
    const intoUse = (errors: string[], status: number) =>
      formRefusal({ errors, status }, { values: {}, fields: { confirmed: /^Tick the confirmation/ }, idOf: String });
    if (form.confirmed !== 'yes')
      return this.render(response, staff, procurementCase, {
        refusal: intoUse(['Tick the confirmation that the agency is ready to use the system.'], 422),
        errorTitle,
      });
    await runPageStep(
      response,
      () => this.readiness.putIntoUse(procurementCase, staff),
      `/cases/${procurementCase.id}/readiness?notice=in-use`,
      ({ errors, status, error }: PageRefusal) => {
        if (!(error instanceof OpenReadinessItemsException))
          return this.render(response, staff, procurementCase, { refusal: intoUse(errors, status), errorTitle });
        // The open items as links to their forms on this page, each with its status.
        const refusal = intoUse([errors[0]], status);
        refusal.summary.push(
          ...error.open.map((row) => ({
            message: `${row.title} (${row.basis}): ${READINESS_STATUS_LABELS[row.status].toLowerCase()}.`,
            href: `#item-${row.key}`,
          })),
        );
        return this.render(response, staff, procurementCase, { refusal, errorTitle });
      },
    );
  }

  private async render(
    response: Response,
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    extra: { flash?: string; refusal?: FormRefusal; errorTitle?: string },
  ) {
    const rows = await this.readiness.checklistOf(procurementCase);
    const open = openMandatoryItems(rows);
    const { refusal } = extra;
    const kept = (key: string) => (refusal?.values.key === key ? refusal.values : undefined);
    response.status(refusal?.status ?? 200).render('cases/readiness', {
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
          errors: form ? refusal?.fieldErrors : {},
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
      refusal,
      confirmedError: refusal?.fieldErrors.confirmed,
      errorTitle: extra.errorTitle ?? 'That was not saved',
    });
  }
}
