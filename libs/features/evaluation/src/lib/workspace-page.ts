import { markingGuideFor } from '@probity/questionnaires';
import { asScore, NOTICES, scaleChoices, scoreLabel, submitConfirmation } from './panel-pages';
import { Workspace } from './workspace';

/** Which question the workspace page shows: a 1-based number, `review`, or the first one still unscored. */
export interface WorkspacePageRequest {
  question: string | undefined;
  notice: unknown;
  errors: Record<string, string>;
  form: Record<string, string>;
}

/** The view model of `evaluation/workspace`: one question at a time, or the review of every score. Pure. */
export function workspacePage(workspace: Workspace, request: WorkspacePageRequest) {
  const { question: questionParameter, notice, errors, form } = request;
  const total = workspace.questions.length;
  const requested = Number.parseInt(questionParameter ?? '', 10);
  const firstOpen = workspace.questions.findIndex((q) => !q.own);
  const reviewing = questionParameter === 'review' || workspace.submitted || !workspace.scoringOpen || total === 0;
  const index = reviewing ? -1 : requested >= 1 && requested <= total ? requested - 1 : firstOpen >= 0 ? firstOpen : 0;
  const current = index >= 0 ? workspace.questions[index] : null;
  const base = workspaceUrl(workspace.caseId, workspace.response.id);
  const selected = form.score !== undefined ? asScore(form.score) : (current?.own?.score ?? null);
  return {
    title: `${current ? `Question ${index + 1} of ${total}` : 'Review'} · ${workspace.response.organisationName}`,
    scripts: ['confirm-step.js'],
    flash: typeof notice === 'string' ? NOTICES[notice] : undefined,
    submitConfirmation: submitConfirmation(workspace.response.organisationName),
    caseId: workspace.caseId,
    responseName: workspace.response.organisationName,
    base,
    evidence: workspace.evidence,
    progress: workspace.progress,
    progressPercent: total ? Math.round((workspace.progress.scored / total) * 100) : 100,
    allScored: workspace.progress.scored === total,
    submitted: workspace.submitted,
    scoringOpen: workspace.scoringOpen,
    steps: workspace.questions.map((q, i) => ({
      number: i + 1,
      title: q.title,
      href: `${base}?question=${i + 1}`,
      current: i === index,
      scored: Boolean(q.own),
      score: q.own?.score,
    })),
    reviewCurrent: index < 0,
    current: current
      ? {
          ...current,
          number: index + 1,
          total,
          isEvidence: current.kind === 'evidence',
          markingGuide: markingGuideFor(current.questionName),
          choices: scaleChoices('score', 'score', Number.isNaN(selected) ? null : selected),
          justification: form.justification ?? current.own?.justification ?? '',
          previousHref: index > 0 ? `${base}?question=${index}` : null,
        }
      : null,
    review: workspace.questions.map((q, i) => ({
      ...q,
      number: i + 1,
      href: `${base}?question=${i + 1}`,
      ownLabel: q.own ? scoreLabel(q.own.score) : null,
    })),
    errors,
    errorList: Object.values(errors),
  };
}

export function workspaceUrl(caseId: string, responseId: string): string {
  return `/cases/${caseId}/evaluation/responses/${responseId}`;
}

/** Where to go after scoring a question: the next unscored one after it, else the first unscored, else the review. */
export function nextQuestionAfter(workspace: Workspace, questionName: string | undefined): string {
  const index = workspace.questions.findIndex((q) => q.questionName === questionName);
  const next = workspace.questions.findIndex((q, i) => i > index && !q.own);
  const target = next >= 0 ? next : workspace.questions.findIndex((q) => !q.own);
  return target >= 0 ? String(target + 1) : 'review';
}
