import { Injectable } from '@nestjs/common';
import { roleMay } from '@probity/access';
import {
  CASE_STATUSES,
  checkTransition,
  ClarificationsService,
  MAX_CLARIFICATION_ANSWER_LENGTH,
  MAX_CLARIFICATION_LENGTH,
  PanelMember,
  ProcurementCase,
  ProviderInvitesService,
  QuestionnaireTemplates,
  ResponsesService,
} from '@probity/cases';
import { DossierWorkflowService } from '@probity/dossier';
import { MonitoringService } from '@probity/monitoring';
import { IdentityService, StaffPrincipal, StaffUser } from '@probity/identity';
import { caseScopeAnswers, publishedMethodView } from '@probity/evaluation';
import { BUILT_IN_QUESTIONNAIRES, QuestionnaireDefinition } from '@probity/questionnaires';
import type { CriteriaWeights } from '@probity/scoring';
import { CORE_PRINCIPLES } from '@probity/rubric';
import { ACTION_LABELS, DECISION_LABELS, noticeText, STATUS_LABELS, VERSION_STATUS_LABELS } from './case-labels';
import { scopeDescription, scopeFormFields } from './case-scope-form';
import { countryChoices, countryName } from './countries';
import { OFFICER_METHOD_LABELS } from './method-labels';
import { providerProgress } from './provider-progress';
import {
  CaseFacts,
  publishClarificationConfirmation,
  StepConfirmation,
  transitionConfirmation,
  withdrawConfirmation,
} from './step-messages';

/** What the case page shows besides the case: a notice, refused input and the form to fill again. */
export interface CaseDetailExtras {
  notice?: string;
  noticeResponseId?: string;
  errors?: string[];
  inviteForm?: Record<string, string>;
  duplicateOrganisation?: boolean;
}

/** The view models of the officer's case pages; the controller only picks the template and the status. */
@Injectable()
export class CasePageView {
  constructor(
    private readonly responses: ResponsesService,
    private readonly invites: ProviderInvitesService,
    private readonly clarifications: ClarificationsService,
    private readonly identity: IdentityService,
    private readonly dossiers: DossierWorkflowService,
    private readonly templates: QuestionnaireTemplates,
    private readonly monitoring: MonitoringService,
  ) {}

  statusLabel(found: Pick<ProcurementCase, 'status'>): string {
    return STATUS_LABELS[found.status];
  }

  async newCase(staff: StaffPrincipal, form: Record<string, string>, errors: string[] = []) {
    const agencyTemplates = await this.templates.published(staff.agencyId);
    return {
      title: 'New procurement case',
      form,
      errors,
      scope: scopeFormFields(form),
      principles: CORE_PRINCIPLES.map((principle) => ({
        id: principle.id,
        name: principle.name,
        weight: form[`weight_${principle.id}`] ?? '20',
      })),
      questionnaires: BUILT_IN_QUESTIONNAIRES.map((questionnaire) => ({
        key: questionnaire.key,
        title: questionnaire.title,
        version: questionnaire.version,
        selected: form.questionnaireKey === questionnaire.key,
      })),
      // Each published version is offered as key@version: the case keeps exactly the one chosen.
      agencyQuestionnaires: agencyTemplates.map((template) => ({
        key: `${template.key}@${template.version}`,
        title: template.title,
        version: template.version,
        selected: form.questionnaireKey === `${template.key}@${template.version}`,
      })),
    };
  }

  /** The case's progress table, withdrawn links included. */
  async progressOf(found: ProcurementCase) {
    return providerProgress(await this.responses.responsesOf(found.id), await this.invites.withdrawnLinksOf(found.id));
  }

  async caseFacts(found: ProcurementCase, progress?: ReturnType<typeof providerProgress>): Promise<CaseFacts> {
    const { counts, rows } = progress ?? (await this.progressOf(found));
    return {
      responsesDue: found.responsesDue,
      submitted: counts.submitted,
      providers: rows.length - counts.withdrawn,
      now: new Date(),
    };
  }

  /** The step's confirmation as a page of its own, for browsers without JavaScript (scripts show a dialog instead). */
  confirmation(
    found: ProcurementCase,
    confirmation: StepConfirmation & {
      action: string;
      fields: Array<{ name: string; value: string }>;
      /** Where Cancel goes when the step was taken from another page than the case's. */
      cancel?: { url: string; label: string };
    },
  ) {
    const { cancel, ...step } = confirmation;
    return {
      ...step,
      cancelUrl: cancel?.url ?? `/cases/${found.id}`,
      cancelLabel: cancel?.label ?? `Back to ${found.reference}`,
    };
  }

  /** `refused` keeps what the officer typed into the answer that could not be published, with the reasons. */
  async clarificationsPage(
    staff: StaffPrincipal,
    found: ProcurementCase,
    refused?: { clarificationId: string; question: string; answer: string; errors: string[] },
  ) {
    const canAnswer = roleMay('case.manage', staff);
    return {
      title: `Clarifications · ${found.reference}`,
      procurementCase: found,
      errors: refused?.errors ?? [],
      clarifications: (await this.clarifications.forCase(found.id)).map((item) => {
        const typed = refused?.clarificationId === item.id ? refused : undefined;
        return {
          ...item,
          askedBy: item.askedBy?.organisationName,
          draftQuestion: typed ? typed.question : item.question,
          draftAnswer: typed?.answer ?? '',
        };
      }),
      canAnswer,
      scripts: canAnswer ? ['confirm-step.js'] : [],
      publishConfirmation: confirmationAttributes(publishClarificationConfirmation()),
      limits: { question: MAX_CLARIFICATION_LENGTH, answer: MAX_CLARIFICATION_ANSWER_LENGTH },
    };
  }

  async detail(staff: StaffPrincipal, found: ProcurementCase, extra: CaseDetailExtras) {
    const canManage = roleMay('case.manage', staff);
    const progress = await this.progressOf(found);
    const facts = await this.caseFacts(found, progress);
    const staffById = new Map((await this.identity.staffOfAgency(staff.agencyId)).map((user) => [user.id, user]));
    const clarifications = await this.clarifications.forCase(found.id);
    const dossier = roleMay('dossier.read', staff) ? await this.dossierView(staff, found) : null;
    return {
      scripts: [...(canManage ? ['confirm-step.js'] : []), ...(dossier?.rendering ? ['dossier-progress.js'] : [])],
      dossier,
      title: found.title,
      procurementCase: found,
      scopeDescription: scopeDescription(found.aiActClassification),
      statusLabel: this.statusLabel(found),
      weights: CORE_PRINCIPLES.map((principle) => ({
        name: principle.name,
        weight: found.criteriaWeights[principle.id],
      })),
      method: publishedMethodView(
        found.questionnaireDefinition as QuestionnaireDefinition,
        found.criteriaWeights as CriteriaWeights,
        caseScopeAnswers(found.aiActClassification),
      ),
      methodLabels: OFFICER_METHOD_LABELS,
      actions: canManage
        ? CASE_STATUSES.filter((to) => checkTransition(found.status, to).allowed).map((to) => ({
            to,
            label: ACTION_LABELS[to] ?? to,
            danger: to === 'cancelled',
            confirmation: confirmationAttributes(transitionConfirmation(to, facts)),
          }))
        : [],
      canManage,
      onPanelAsEvaluator: found.panel.some((member) => member.userId === staff.userId && member.role === 'evaluator'),
      canInvite: canManage && found.status === 'open',
      progress: {
        ...progress,
        rows: progress.rows.map((row) => ({
          ...row,
          countryName: countryName(row.country),
          withdrawConfirmation: confirmationAttributes(withdrawConfirmation(row.organisationName)),
        })),
      },
      countries: countryChoices(extra.inviteForm?.country),
      duplicateOrganisation: extra.duplicateOrganisation === true,
      panel: found.panel.map((member) => ({
        ...member,
        name: staffById.get(member.userId)?.name ?? 'Former staff member',
        roleLabel: member.role === 'evaluator' ? 'evaluator' : 'legal reviewer',
      })),
      panelChoices: canManage ? panelChoices([...staffById.values()], found.panel) : null,
      unanswered: clarifications.filter((item) => !item.publishedAt).length,
      // Post-award checks whose due day has passed, listed on the case page until they are done.
      overdueChecks: (await this.monitoring.overdueOf(found.id)).map((check) => ({
        title: check.title,
        dueOn: check.dueOn,
        owner: check.ownerName,
      })),
      flash: noticeText(
        extra.notice,
        facts,
        progress.rows.find((row) => row.responseId === extra.noticeResponseId),
      ),
      errors: (extra.errors ?? []).filter(Boolean),
      inviteForm: extra.inviteForm ?? {},
    };
  }

  /** The case page's dossier section: versions with render progress, downloads and the review per reviewer. */
  private async dossierView(staff: StaffPrincipal, found: ProcurementCase) {
    const { versions, current, state, panelReviewers } = await this.dossiers.overview(staff, found);
    return {
      canRequest: roleMay('case.manage', staff) && ['evaluation', 'dossier_review'].includes(found.status),
      rendering: versions.some((version) => version.status === 'pending'),
      progressUrl: `/api/v1/cases/${found.id}/dossiers`,
      ocdsUrl: versions.length ? `/api/v1/cases/${found.id}/ocds` : null,
      panelReviewers,
      versions: versions.map((version) => ({
        ...version,
        statusLabel: VERSION_STATUS_LABELS[version.status] ?? version.status,
        pending: version.status === 'pending',
        pdfUrl: version.pdfSha256 ? `/api/v1/dossiers/${version.id}/pdf` : null,
        signedPdfUrl: version.signedPdfSha256 ? `/api/v1/dossiers/${version.id}/signed.pdf` : null,
        reviewUrl: version.pdfSha256 ? `/reviews/dossiers/${version.id}` : null,
      })),
      current,
      reviewers: (state?.reviewers ?? []).map((reviewer) => ({
        ...reviewer,
        decisionLabel: reviewer.decision ? DECISION_LABELS[reviewer.decision] : 'Awaiting decision',
      })),
    };
  }
}

/** The data-confirm-* attributes a form carries so the page script can ask in a dialog. */
function confirmationAttributes(confirmation: StepConfirmation) {
  return { ...confirmation, bodyText: confirmation.body.join(' ') };
}

/** Staff who may sit on the panel in each role (admins may take either), with the current members ticked. */
function panelChoices(staff: StaffUser[], panel: PanelMember[]) {
  const choices = (role: PanelMember['role']) =>
    staff
      .filter((user) => user.role === role || user.role === 'admin')
      .map((user) => ({
        id: user.id,
        name: user.name,
        email: user.email,
        checked: panel.some((member) => member.userId === user.id && member.role === role),
      }));
  return { evaluators: choices('evaluator'), legalReviewers: choices('legal_reviewer') };
}
