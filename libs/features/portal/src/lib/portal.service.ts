import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  Actor,
  CasesService,
  ClarificationsService,
  changedWeights,
  MethodAmendmentsService,
  methodHash,
  EvidenceFile,
  EvidenceService,
  ProcurementCase,
  ProviderInvitesService,
  ProviderResponse,
  responsesClosedAt,
  ResponsesService,
  SYSTEM_ACTOR,
} from '@probity/cases';
import { caseScopeAnswers, publishedMethodView } from '@probity/evaluation';
import { UnitOfWork } from '@probity/database';
import { Notifier } from '@probity/notifications';
import { CORE_PRINCIPLES } from '@probity/rubric';
import {
  AnswerProblem,
  localised,
  QuestionnaireDefinition,
  questionsOf,
  validateAnswers,
} from '@probity/questionnaires';
import type { CriteriaWeights } from '@probity/scoring';
import { formatMessage, timeStep } from '@probity/web';
import { caseScopeView } from './case-scope-view';
import { messagesFor } from './i18n/catalog';
import { answerSummary } from './answer-summary';
import { answersFromForm } from './form-answers';
import { buildPortalForm, EvidenceListing, FormSection, FormWording } from './portal-form';
import { providerScoringModel } from './scoring-model-method';

type ProblemList = Array<Pick<AnswerProblem, 'questionName' | 'message'> & Partial<Pick<AnswerProblem, 'code'>>>;

export interface PortalState {
  response: ProviderResponse;
  procurementCase: ProcurementCase;
  actor: Actor;
}

/** What the provider portal does with an invite token: resolve it, show the case, save, upload, submit. */
@Injectable()
export class PortalService {
  constructor(
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly invites: ProviderInvitesService,
    private readonly evidence: EvidenceService,
    private readonly clarifications: ClarificationsService,
    private readonly notifier: Notifier,
    private readonly unitOfWork: UnitOfWork,
    private readonly amendments: MethodAmendmentsService,
  ) {}

  /**
   * What an invite token opens. Changes need an open case; `readSubmitted` lets a provider who submitted
   * read its response and receipt after the case closed.
   */
  async open(token: string, options: { readSubmitted?: boolean } = {}): Promise<PortalState> {
    const { response, procurementCase } = await this.invites.resolveInvite(token, options);
    return {
      response,
      procurementCase,
      actor: { type: 'provider', id: response.id, label: response.organisationName },
    };
  }

  async sections(state: PortalState, locale: string, problems?: ProblemList): Promise<FormSection[]> {
    const evidence = await this.evidence.evidenceOf(state.response.id);
    const definition = state.procurementCase.questionnaireDefinition as QuestionnaireDefinition;
    return buildPortalForm(definition, state.response.answers, {
      locale,
      evidence: groupEvidence(evidence),
      problems: problems && inLanguage(problems, definition, locale),
      wording: formWording(locale),
      choiceSeed: state.response.id,
    });
  }

  async overview(state: PortalState, locale: string, problems?: ProblemList) {
    const { procurementCase, response } = state;
    const sections = await this.sections(state, locale, problems);
    const weights = procurementCase.criteriaWeights;
    return {
      agencyName: await this.cases.agencyName(procurementCase.agencyId),
      procurementCase: {
        reference: procurementCase.reference,
        title: procurementCase.title,
        description: procurementCase.description,
        intendedUse: procurementCase.intendedUse,
        scope: caseScopeView(procurementCase.aiActClassification, messagesFor(locale === 'default' ? 'en' : locale)),
        questionsDue: procurementCase.questionsDue,
        responsesDue: procurementCase.responsesDue,
        closedAt: responsesClosedAt(procurementCase),
      },
      criteria: CORE_PRINCIPLES.map((principle) => ({ name: principle.name, weight: weights[principle.id] ?? 0 })),
      ...providerMethod(procurementCase, locale),
      // The questionnaire's own scoring model, when it brings one: what the evaluation applies.
      scoringModel: providerScoringModel(
        procurementCase.questionnaireDefinition as QuestionnaireDefinition,
        locale,
        messagesFor(locale === 'default' ? 'en' : locale),
      ),
      response: {
        organisationName: response.organisationName,
        status: response.status,
        submitted: response.status === 'submitted',
        submittedAt: response.submittedAt,
        submissionHash: response.submissionHash,
        revision: response.revision,
      },
      sections,
      problemsBySection: problems?.length
        ? problemLinks(
            sections,
            inLanguage(problems, procurementCase.questionnaireDefinition as QuestionnaireDefinition, locale),
          )
        : [],
      clarifications: await this.clarifications.publishedFor(procurementCase.id),
      // The method in force and every amendment of it, so a provider can check the dossier's method later.
      methodHash: methodHash(procurementCase),
      amendments: (await this.amendments.forCase(procurementCase.id)).map((amendment) => ({
        number: amendment.number,
        reason: amendment.reason,
        publishedAt: amendment.publishedAt,
        newResponsesDue: amendment.newResponsesDue,
        methodHash: amendment.methodHash,
        changes: changedWeights(amendment.changes),
      })),
      pendingQuestions: await this.clarifications.pendingOf(response.id),
    };
  }

  /**
   * What the receipt shows of a submitted response: every answer in words and every evidence file with
   * its question's text, in the page's language (never the questionnaire's internal names).
   */
  async receiptContent(state: PortalState, locale: string) {
    const evidence = await this.evidence.evidenceOf(state.response.id);
    const definition = state.procurementCase.questionnaireDefinition as QuestionnaireDefinition;
    const t = messagesFor(locale === 'default' ? 'en' : locale);
    const titles = new Map(
      questionsOf(definition).map(({ question }) => [
        question.name,
        localised(question.title, locale) || question.name,
      ]),
    );
    return {
      answers: answerSummary(definition, state.response.answers, {
        locale,
        evidence: groupEvidence(evidence),
        wording: { notApplicable: t.question.notApplicable, notAnswered: t.receipt.notAnswered },
        formWording: formWording(locale),
      }),
      evidence: evidence.map((file) => ({
        fileName: file.fileName,
        question: titles.get(file.questionName) ?? file.questionName,
        sha256: file.sha256,
      })),
    };
  }

  /** Every problem that blocks submission, each linked to its question. */
  submissionProblems(state: PortalState): AnswerProblem[] {
    return validateAnswers(
      state.procurementCase.questionnaireDefinition as QuestionnaireDefinition,
      state.response.answers,
      { forSubmit: true },
    );
  }

  /**
   * Saves one section's answers from the posted form: the link lookup, the visible sections and the
   * save run in one transaction, so a save checks a database connection out of the pool once. With a
   * checkout per step, a busy pool served every request that queued meanwhile between two steps of the
   * save, and a save waited for a connection five times (issue 19). Steps are named for Server-Timing.
   */
  async saveSection(
    token: string,
    index: number,
    form: Record<string, unknown>,
    locale: string,
  ): Promise<{ state: PortalState; saved: ProviderResponse }> {
    return timeStep('transaction', () =>
      this.unitOfWork.run(async () => {
        const state = await timeStep('session', () => this.open(token));
        const sections = await timeStep('questionnaire', () => this.sections(state, locale));
        const section = sections.find((candidate) => candidate.index === index);
        if (!section) throw new NotFoundException('This section does not apply to your answers.');
        const revision = Number(form._revision);
        if (!Number.isInteger(revision)) throw new BadRequestException('The form is missing its revision number.');
        const changes = answersFromForm(section, form);
        return { state, saved: await this.responses.saveAnswers(state.response.id, changes, revision, state.actor) };
      }),
    );
  }

  /** Submits and queues the receipt e-mail in one unit of work: the receipt goes out if and only if the submission commits. */
  async submit(state: PortalState): Promise<ProviderResponse> {
    return this.unitOfWork.run(async () => {
      const submitted = await this.responses.submit(state.response.id, state.actor);
      await this.queueReceipt(submitted, state.procurementCase);
      return submitted;
    });
  }

  private async queueReceipt(submitted: ProviderResponse, procurementCase: ProcurementCase): Promise<void> {
    await this.notifier.queue({
      template: 'submission-receipt',
      to: submitted.contactEmails,
      context: {
        organisationName: submitted.organisationName,
        agencyName: await this.cases.agencyName(procurementCase.agencyId),
        caseTitle: procurementCase.title,
        caseReference: procurementCase.reference,
        submissionHash: submitted.submissionHash ?? '',
        submittedAt: (submitted.submittedAt ?? new Date()).toISOString(),
        // E-mails are in English: the questionnaire's own (default) wording.
        ...(await this.receiptContent({ response: submitted, procurementCase, actor: SYSTEM_ACTOR }, 'default')),
      },
      idempotencyKey: `receipt:${submitted.id}:${submitted.submissionHash}`,
    });
  }
}

/**
 * The engine words its problems in English; the common ones (a required answer is missing, "not
 * applicable" refused) are reworded in the page's language with the question's translated title.
 */
function inLanguage(problems: ProblemList, definition: QuestionnaireDefinition, locale: string): ProblemList {
  const t = messagesFor(locale === 'default' ? 'en' : locale);
  const titles = new Map(
    questionsOf(definition).map(({ question }) => [question.name, localised(question.title, locale) || question.name]),
  );
  return problems.map((problem) => {
    const template =
      problem.code === 'required'
        ? t.question.answerRequired
        : problem.code === 'not-applicable-refused'
          ? t.question.notApplicableRefused
          : problem.code === 'incomplete-table'
            ? t.question.tableIncomplete
            : undefined;
    if (!template) return problem;
    return {
      ...problem,
      message: formatMessage(template, {
        title: titles.get(problem.questionName) ?? problem.questionName,
        rows: ((problem as { rows?: string[] }).rows ?? []).join(', '),
      }),
    };
  });
}

/**
 * "How you are scored": every question's effective weight and the published rules, in the page's
 * language. Providers see the table without the officer's outlier warnings.
 */
function providerMethod(procurementCase: PortalState['procurementCase'], locale: string) {
  const t = messagesFor(locale === 'default' ? 'en' : locale);
  const method = publishedMethodView(
    procurementCase.questionnaireDefinition as QuestionnaireDefinition,
    procurementCase.criteriaWeights as CriteriaWeights,
    caseScopeAnswers(procurementCase.aiActClassification),
    locale,
  );
  // The published rules, in the order the portal lists them.
  const ruleKeys = [
    'ruleWeights',
    'ruleNa',
    'ruleBlank',
    'ruleTables',
    'ruleEvidence',
    'ruleAccuracy',
    'ruleJudgement',
    'ruleKnockouts',
    'ruleRedFlags',
  ] as const;
  return {
    method: {
      ...method,
      outliers: [],
      criteria: method.criteria.map((criterion) => ({
        ...criterion,
        questions: criterion.questions.map((question) => ({ ...question, outlier: null })),
      })),
    },
    methodLabels: {
      ...t.method,
      rules: ruleKeys.map((key) => t.method[key]),
    },
  };
}

function formWording(locale: string): FormWording {
  const t = messagesFor(locale === 'default' ? 'en' : locale);
  return { ...t.question, untitledSection: t.section.untitledSection };
}

function groupEvidence(files: EvidenceFile[]): Record<string, EvidenceListing[]> {
  const grouped: Record<string, EvidenceListing[]> = {};
  for (const file of files)
    (grouped[file.questionName] ??= []).push({
      id: file.id,
      fileName: file.fileName,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
    });
  return grouped;
}

function problemLinks(sections: FormSection[], problems: ProblemList) {
  const sectionOf = new Map<string, FormSection>();
  for (const section of sections) for (const question of section.questions) sectionOf.set(question.name, section);
  return problems.map((problem) => {
    const section = sectionOf.get(problem.questionName);
    return {
      message: problem.message,
      sectionIndex: section?.index,
      sectionTitle: section?.title,
      anchor: `q-${problem.questionName}`,
    };
  });
}
