import { NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { AnswerValidationException, MAX_EVIDENCE_BYTES } from '@probity/cases';
import type { PortalCatalog } from './i18n/catalog';
import type { FormSection } from './portal-form';
import type { LanguageContext } from './portal-language';
import type { PortalState } from './portal.service';

/** How a section page came about: after a refused save it shows the problems or the conflict. */
export interface SectionOutcome {
  status?: number;
  problems?: AnswerValidationException['problems'];
  conflict?: string;
  unsaved?: unknown;
}

/** The confirmation named by `?notice=` after a post/redirect/get, in the page's language. */
export function noticeOf(request: Request, t: PortalCatalog): string | undefined {
  const notice = request.query.notice;
  return notice === 'saved' || notice === 'asked' || notice === 'submitted' ? t.notices[notice] : undefined;
}

/** Where a form that came from a section (or the overview) goes back to. */
export function returnPath(token: string, body: Record<string, unknown>): string {
  const section = Number(body.returnToSection);
  return Number.isInteger(section) && section >= 0 ? `/portal/${token}/sections/${section}` : `/portal/${token}`;
}

/** One section of the questionnaire with its neighbours; 404 for a section the answers hide. */
export function sectionView(
  state: PortalState,
  token: string,
  index: number,
  sections: FormSection[],
  { language, view }: Pick<LanguageContext, 'language' | 'view'>,
  outcome: SectionOutcome,
  flash: string | undefined,
) {
  const position = sections.findIndex((candidate) => candidate.index === index);
  if (position < 0) throw new NotFoundException('This section does not apply to your answers.');
  const section = sections[position];
  const submitted = state.response.status === 'submitted';
  return {
    title: section.title,
    token,
    ...view,
    scripts: submitted ? [] : ['portal-autosave.js', 'evidence-upload.js'],
    section,
    sections: sections.map((candidate) => ({ ...candidate, current: candidate.index === index })),
    previous: sections[position - 1],
    next: sections[position + 1],
    revision: state.response.revision,
    readOnly: submitted,
    problems: outcome.problems,
    // The service explains conflicts in English; other languages get the catalog's wording.
    conflict:
      outcome.conflict === undefined
        ? undefined
        : language === 'en'
          ? outcome.conflict
          : view.t.section.conflictDefault,
    flash,
    maxEvidenceMb: MAX_EVIDENCE_BYTES / 1024 / 1024,
  };
}

/** The confirmation step before the irreversible submission, with what is about to be sent. */
export function confirmSubmitView(
  state: PortalState,
  token: string,
  sections: FormSection[],
  { view }: Pick<LanguageContext, 'view'>,
) {
  const questions = sections.flatMap((section) => section.questions);
  return {
    title: view.t.overview.confirmTitle,
    token,
    ...view,
    organisationName: state.response.organisationName,
    reference: state.procurementCase.reference,
    caseTitle: state.procurementCase.title,
    answered: questions.filter((question) => question.answered).length,
    total: questions.length,
    files: questions.reduce((count, question) => count + question.evidence.length, 0),
  };
}

/** What the receipt page states about the submission, besides its answers and evidence. */
export function receiptHeader(state: PortalState, token: string, { view }: Pick<LanguageContext, 'view'>) {
  return {
    title: view.t.receipt.title,
    token,
    ...view,
    organisationName: state.response.organisationName,
    reference: state.procurementCase.reference,
    caseTitle: state.procurementCase.title,
    submittedAt: state.response.submittedAt,
    submissionHash: state.response.submissionHash,
  };
}
