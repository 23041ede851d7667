import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { roleMay } from '@probity/access';
import type { ProcurementCase } from '@probity/cases';
import { Granted } from '@probity/evaluation';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffOnly, StaffPrincipal } from '@probity/identity';
import { FormBody, PageRefusal, runPageStep } from '@probity/web';
import { FRIA_HEADING_KEYS } from '../model/fria-headings';
import { CONSULTED_GROUP_CHOICES, friaView } from './fria-view';
import { FriaService } from './fria.service';

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
      this.refused(response, staff, procurementCase, { headingForm: texts }),
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
      this.refused(response, staff, procurementCase, { consultationForm: form }),
    );
  }

  /** A 4xx is shown above the form it came from, with what was typed kept; anything else is the error page. */
  private refused(
    response: Response,
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    kept: { headingForm?: Record<string, string>; consultationForm?: Record<string, string> },
  ) {
    return ({ errors, status }: PageRefusal) =>
      this.render(response.status(status), staff, procurementCase, { errors, ...kept });
  }

  private async render(
    response: Response,
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    extra: {
      flash?: string;
      errors?: string[];
      headingForm?: Record<string, string>;
      consultationForm?: Record<string, string>;
    },
  ) {
    const view = friaView(await this.fria.friaOf(procurementCase.id));
    const headings = view.headings.map((h) => ({ ...h, value: extra.headingForm?.[h.key] ?? h.text ?? '' }));
    const consultationForm = extra.consultationForm ?? {};
    response.render('cases/fria', {
      title: `Fundamental rights impact assessment · ${procurementCase.reference}`,
      procurementCase,
      headings,
      consultations: view.consultations,
      groups: CONSULTED_GROUP_CHOICES.map((g) => ({ ...g, selected: consultationForm.group === g.value })),
      consultationForm,
      canWrite: roleMay('readiness.manage', staff) && procurementCase.status !== 'cancelled',
      flash: extra.flash,
      errors: extra.errors ?? [],
    });
  }
}
