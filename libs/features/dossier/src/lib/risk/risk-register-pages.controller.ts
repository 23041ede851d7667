import { BadRequestException, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { roleMay } from '@probity/access';
import { CasesService } from '@probity/cases';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { checkedForm, FormBody, formRefusal, runPageStep } from '@probity/web';
import { DossierNotReadyException } from '../case-dossier-source';
import { RISK_LABEL } from '../../model/risk-table';
import { riskRegisterView } from '../../model/risk-register-dossier';
import { AddRiskDto } from './risk-register.dto';
import { addRiskChoices, addRiskFromForm, RISK_FORM_FIELDS, riskFieldId } from './risk-register-form';
import { RiskRegisterService } from './risk-register.service';

const NOTICES: Record<string, string> = {
  added: 'The risk was added to the register; your reason is kept with it and in the audit trail.',
  edited: 'The risk was changed; your reason is kept with it and in the audit trail.',
  removed: 'The risk was removed from the register; your reason is in the audit trail.',
  accepted: 'Your acceptance of this residual risk was recorded with your reasons.',
};

const scaleOf = (value: string | undefined) => (value ? Number(value) : undefined);

/** A form of the page that was refused: which one, for which row, what was typed and why. */
interface RefusedRiskForm {
  form: 'add' | 'edit' | 'remove' | 'accept';
  values: Record<string, string>;
  errors: string[];
  status: number;
}

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
    try {
      await this.render(staff, caseId, response, { notice });
    } catch (error) {
      if (!(error instanceof DossierNotReadyException)) throw error;
      // Not an error of the officer's: the register is proposed from the comparison, which comes later.
      const procurementCase = await this.cases.caseOfAgency(staff.agencyId, caseId);
      response.render('dossier/risk-register-not-ready', {
        title: `No risk register yet · ${procurementCase.reference}`,
        procurementCase,
        reason: error.message,
      });
    }
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
      this.render(staff, caseId, response, { refused: { form: 'add', values: form, errors, status } });
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
    await this.act(staff, caseId, response, { form: 'edit', values: form }, 'edited', () =>
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
    await this.act(staff, caseId, response, { form: 'remove', values: form }, 'removed', () =>
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
    await this.act(staff, caseId, response, { form: 'accept', values: form }, 'accepted', () =>
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
    posted: Pick<RefusedRiskForm, 'form' | 'values'>,
    notice: string,
    action: () => Promise<unknown>,
  ) {
    // Every form on the page names its row: a post without one did not come from the page.
    if (!posted.values.providerId || !posted.values.key)
      throw new BadRequestException('Choose a risk of the register first.');
    await runPageStep(response, action, `/cases/${caseId}/risk-register?notice=${notice}`, ({ errors, status }) =>
      this.render(staff, caseId, response, { refused: { ...posted, errors, status } }),
    );
  }

  private async render(
    staff: StaffPrincipal,
    caseId: string,
    response: Response,
    extra: { notice?: string; refused?: RefusedRiskForm },
  ) {
    const refused = extra.refused;
    const procurementCase = await this.cases.caseOfAgency(staff.agencyId, caseId);
    const state = await this.risks.register(staff, procurementCase.id);
    const view = riskRegisterView(state, state.recommendedProviderId);
    const canEdit = roleMay('risk.edit', staff) && ['evaluation', 'dossier_review'].includes(procurementCase.status);
    const canAccept = roleMay('risk.accept', staff) && procurementCase.status === 'dossier_review';
    // The refused form's problems, beside its fields and in the summary, once its row's element ids are known.
    let refusal: ReturnType<typeof formRefusal> | undefined;
    const refusalIn = (form: RefusedRiskForm['form'], providerId: string, prefix: string, key?: string) => {
      if (refused?.form !== form || refused.values.providerId !== providerId) return undefined;
      if (key !== undefined && refused.values.key !== key) return undefined;
      refusal = formRefusal(refused, {
        values: refused.values,
        fields: RISK_FORM_FIELDS,
        idOf: (field) => riskFieldId(prefix, field),
      });
      return refusal;
    };
    const providers = (view?.providers ?? []).map((provider, p) => {
      const source = state.providers[p];
      const add = refusalIn('add', source.providerId, `add-${p}`);
      return {
        ...provider,
        providerId: source.providerId,
        add: { open: Boolean(add), errors: add?.fieldErrors ?? {}, ...addRiskChoices(add?.values) },
        rows: provider.rows.map((row, r) => {
          const id = `risk-${p}-${r}`;
          const stored = source.rows[r];
          const edit = refusalIn('edit', source.providerId, id, stored.key);
          const remove = refusalIn('remove', source.providerId, `${id}-remove`, stored.key);
          const accept = refusalIn('accept', source.providerId, `${id}-accept`, stored.key);
          const typed = edit?.values;
          return {
            ...row,
            key: stored.key,
            id,
            decision: typed?.decision ?? stored.decision,
            mitigationKind: typed?.mitigationKind ?? stored.mitigation.kind,
            mitigationText: typed?.mitigationText ?? stored.mitigation.text,
            clause: typed?.clause ?? stored.mitigation.clause ?? '',
            residualLikelihood: typed?.residualLikelihood ?? stored.residualLikelihood,
            residualImpact: typed?.residualImpact ?? stored.residualImpact,
            owner: typed?.owner ?? stored.owner,
            editReason: typed?.reason ?? '',
            editErrors: edit?.fieldErrors ?? {},
            removeReason: remove?.values.reason ?? '',
            removeErrors: remove?.fieldErrors ?? {},
            acceptReason: accept?.values.reason ?? '',
            acceptErrors: accept?.fieldErrors ?? {},
            failed: Boolean(edit || remove),
            canAcceptHere: canAccept && row.aboveAppetite && provider.recommended,
          };
        }),
      };
    });
    response.status(refused?.status ?? 200).render('dossier/risk-register', {
      title: `Risk register · ${procurementCase.reference}`,
      flash: extra.notice ? NOTICES[extra.notice] : undefined,
      procurementCase,
      label: RISK_LABEL,
      appetite: state.appetite,
      // A refusal of a row no longer in the register still names its problems, without links.
      refusal:
        refusal ?? (refused && formRefusal(refused, { values: refused.values, fields: {}, idOf: (field) => field })),
      blocking: state.blocking,
      acceptances: state.acceptances.map((acceptance) => ({
        ...acceptance,
        risk:
          state.providers
            .find((p) => p.providerId === acceptance.providerId)
            ?.rows.find((row) => row.key === acceptance.rowKey)?.description ?? 'a risk no longer in the register',
      })),
      providers,
      canEdit,
      appetiteHref: roleMay('risk.appetite', staff) ? '/admin/risk-appetite' : null,
      xlsx: `/api/v1/cases/${procurementCase.id}/risk-register/xlsx`,
    });
  }
}
