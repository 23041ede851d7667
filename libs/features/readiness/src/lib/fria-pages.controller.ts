import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { roleMay } from '@probity/access';
import type { ProcurementCase } from '@probity/cases';
import { Granted } from '@probity/evaluation';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffOnly, StaffPrincipal } from '@probity/identity';
import { FormBody, FormRefusal, formRefusal, runPageStep } from '@probity/web';
import { FRIA_HEADING_KEYS } from '../model/fria-headings';
import { CONSULTED_GROUP_CHOICES, friaView } from './fria-view';
import { FriaService } from './fria.service';

/** Which field of the consultation form a refusal is about, by the words of `consultationProblems`. */
const CONSULTATION_FIELDS: Record<string, RegExp> = {
  group: /^Choose who was consulted/,
  stakeholder: /^Name the organisation|name of who was consulted/,
  heldOn: /date of the consultation|its date is in the future/,
  said: /stakeholders said|^“What was said”/,
  changed: /^Write what the agency changed|^“What changed”/,
};

const NOTICES: Record<string, string> = {
  saved: 'The FRIA headings are saved.',
  consulted: 'The consultation is recorded.',
};

/** The officer's FRIA page: write the six headings, record consultations (post/redirect/get). */
@ApiExcludeController()
@StaffOnly()
@Controller('cases/:caseId/fria')
export class FriaPagesController {
  constructor(private readonly fria: FriaService) {}

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
  async write(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const texts = Object.fromEntries(
      FRIA_HEADING_KEYS.filter((key) => `heading_${key}` in form).map((key) => [key, form[`heading_${key}`]]),
    );
    await runPageStep(
      response,
      () => this.fria.writeHeadings(procurementCase, texts, staff),
      `/cases/${procurementCase.id}/fria?notice=saved`,
      (refused) =>
        this.render(response, staff, procurementCase, {
          refusal: formRefusal(refused, {
            values: form,
            fields: Object.fromEntries(
              FRIA_HEADING_KEYS.map((key) => [`heading_${key}`, new RegExp(`^\\(${key}\\) `)]),
            ),
            idOf: (field) => field.replace('_', '-'),
          }),
          refusedForm: 'headings',
        }),
    );
  }

  @Post('consultations')
  @RequiresAccess('readiness.manage')
  async consult(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase }: Granted,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    await runPageStep(
      response,
      () => this.fria.recordConsultation(procurementCase, form, staff),
      `/cases/${procurementCase.id}/fria?notice=consulted#consultations`,
      (refused) =>
        this.render(response, staff, procurementCase, {
          refusal: formRefusal(refused, { values: form, fields: CONSULTATION_FIELDS, idOf: (field) => field }),
          refusedForm: 'consultation',
        }),
    );
  }

  private async render(
    response: Response,
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    extra: { flash?: string; refusal?: FormRefusal; refusedForm?: 'headings' | 'consultation' },
  ) {
    const view = friaView(await this.fria.friaOf(procurementCase.id));
    const { refusal } = extra;
    const typedHeadings = extra.refusedForm === 'headings' ? refusal?.values : undefined;
    const headings = view.headings.map((h) => ({
      ...h,
      value: typedHeadings?.[`heading_${h.key}`] ?? h.text ?? '',
      error: refusal?.fieldErrors[`heading_${h.key}`],
    }));
    const consultationForm = extra.refusedForm === 'consultation' ? (refusal?.values ?? {}) : {};
    response.status(refusal?.status ?? 200).render('cases/fria', {
      title: `Fundamental rights impact assessment · ${procurementCase.reference}`,
      procurementCase,
      headings,
      consultations: view.consultations,
      groups: CONSULTED_GROUP_CHOICES.map((g) => ({ ...g, selected: consultationForm.group === g.value })),
      consultationForm,
      canWrite: roleMay('readiness.manage', staff) && procurementCase.status !== 'cancelled',
      flash: extra.flash,
      refusal,
      consultationErrors: extra.refusedForm === 'consultation' ? refusal?.fieldErrors : {},
    });
  }
}
