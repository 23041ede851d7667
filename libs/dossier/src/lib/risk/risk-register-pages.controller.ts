import { BadRequestException, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { roleMay } from '@probity/access';
import { CasesService } from '@probity/cases';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { checkedForm, FormBody, runPageStep } from '@probity/web';
import { RISK_LABEL } from '../../model/risk-table';
import { riskRegisterView } from '../../model/risk-register-dossier';
import { AddRiskDto } from './risk-register.dto';
import { addRiskChoices, addRiskFromForm } from './risk-register-form';
import { RiskRegisterService } from './risk-register.service';

const NOTICES: Record<string, string> = {
  added: 'The risk was added to the register; your reason is kept with it and in the audit trail.',
  edited: 'The risk was changed; your reason is kept with it and in the audit trail.',
  removed: 'The risk was removed from the register; your reason is in the audit trail.',
  accepted: 'Your acceptance of this residual risk was recorded with your reasons.',
};

const scaleOf = (value: string | undefined) => (value ? Number(value) : undefined);

/** The risk register page: officers keep the rows, the case's legal reviewers accept residual risks. */
@ApiExcludeController()
@Controller('cases/:caseId/risk-register')
export class RiskRegisterPagesController {
  constructor(
    private readonly risks: RiskRegisterService,
    private readonly cases: CasesService,
  ) {}

  @Get()
  @RequiresAccess('risk.read')
  async page(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    await this.render(staff, caseId, response, { notice });
  }

  /** The officer adds a row: the API's checks (AddRiskDto) and service; a refusal keeps what was typed. */
  @Post('add')
  @RequiresAccess('risk.edit')
  async add(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    if (!form.providerId) throw new BadRequestException('Choose a ranked provider first.');
    const refused = (errors: string[], status: number) =>
      this.render(staff, caseId, response, { errors, addForm: form }, status);
    const { missing, plain } = addRiskFromForm(form);
    if (missing.length) return refused(missing, 422);
    const { value, problems } = await checkedForm(AddRiskDto, plain);
    if (problems.length) return refused(problems, 422);
    await runPageStep(
      response,
      () => this.risks.add(staff, caseId, value),
      `/cases/${caseId}/risk-register?notice=added`,
      ({ errors, status }) => refused(errors, status),
    );
  }

  @Post('edit')
  @RequiresAccess('risk.edit')
  async edit(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    await this.act(staff, caseId, response, form, 'edited', () =>
      this.risks.edit(staff, caseId, {
        providerId: form.providerId ?? '',
        key: form.key ?? '',
        reason: form.reason ?? '',
        changes: {
          owner: form.owner || undefined,
          decision: form.decision || undefined,
          residualLikelihood: scaleOf(form.residualLikelihood),
          residualImpact: scaleOf(form.residualImpact),
          mitigation: form.mitigationText
            ? { kind: form.mitigationKind ?? '', text: form.mitigationText, clause: form.clause ?? null }
            : undefined,
        },
      }),
    );
  }

  @Post('remove')
  @RequiresAccess('risk.edit')
  async remove(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    await this.act(staff, caseId, response, form, 'removed', () =>
      this.risks.remove(staff, caseId, {
        providerId: form.providerId ?? '',
        key: form.key ?? '',
        reason: form.reason ?? '',
      }),
    );
  }

  @Post('accept')
  @RequiresAccess('risk.accept')
  async accept(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    await this.act(staff, caseId, response, form, 'accepted', () =>
      this.risks.accept(staff, caseId, {
        providerId: form.providerId ?? '',
        key: form.key ?? '',
        reason: form.reason ?? '',
      }),
    );
  }

  private async act(
    staff: StaffPrincipal,
    caseId: string,
    response: Response,
    form: Record<string, string>,
    notice: string,
    action: () => Promise<unknown>,
  ) {
    // Every form on the page names its row: a post without one did not come from the page.
    if (!form.providerId || !form.key) throw new BadRequestException('Choose a risk of the register first.');
    await runPageStep(response, action, `/cases/${caseId}/risk-register?notice=${notice}`, ({ errors, status }) =>
      this.render(staff, caseId, response, { errors, failedKey: form.key }, status),
    );
  }

  private async render(
    staff: StaffPrincipal,
    caseId: string,
    response: Response,
    extra: { notice?: string; errors?: string[]; failedKey?: string; addForm?: Record<string, string> },
    status = 200,
  ) {
    const procurementCase = await this.cases.caseOfAgency(staff.agencyId, caseId);
    const state = await this.risks.register(staff, procurementCase.id);
    const view = riskRegisterView(state, state.recommendedProviderId);
    const canEdit = roleMay('risk.edit', staff) && ['evaluation', 'dossier_review'].includes(procurementCase.status);
    const canAccept = roleMay('risk.accept', staff) && procurementCase.status === 'dossier_review';
    response.status(status).render('dossier/risk-register', {
      title: `Risk register · ${procurementCase.reference}`,
      flash: extra.notice ? NOTICES[extra.notice] : undefined,
      procurementCase,
      label: RISK_LABEL,
      appetite: state.appetite,
      errors: extra.errors ?? [],
      blocking: state.blocking,
      acceptances: state.acceptances.map((acceptance) => ({
        ...acceptance,
        risk:
          state.providers
            .find((p) => p.providerId === acceptance.providerId)
            ?.rows.find((row) => row.key === acceptance.rowKey)?.description ?? 'a risk no longer in the register',
      })),
      providers: (view?.providers ?? []).map((provider, p) => {
        const source = state.providers[p];
        const addOpen = extra.addForm?.providerId === source.providerId;
        return {
          ...provider,
          providerId: source.providerId,
          add: { open: addOpen, ...addRiskChoices(addOpen ? extra.addForm : undefined) },
          rows: provider.rows.map((row, r) => ({
            ...row,
            key: source.rows[r].key,
            id: `risk-${p}-${r}`,
            decision: source.rows[r].decision,
            mitigationKind: source.rows[r].mitigation.kind,
            mitigationText: source.rows[r].mitigation.text,
            clause: source.rows[r].mitigation.clause ?? '',
            residualLikelihood: source.rows[r].residualLikelihood,
            residualImpact: source.rows[r].residualImpact,
            owner: source.rows[r].owner,
            failed: extra.failedKey === source.rows[r].key,
            canAcceptHere: canAccept && row.aboveAppetite && provider.recommended,
          })),
        };
      }),
      canEdit,
      appetiteHref: roleMay('risk.appetite', staff) ? '/admin/risk-appetite' : null,
      xlsx: `/api/v1/cases/${procurementCase.id}/risk-register/xlsx`,
    });
  }
}
