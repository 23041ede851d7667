import { EVALUATION_SCALE } from './panel-rules';
import { Workspace, WorkspaceQuestion } from './workspace';
import { nextQuestionAfter, workspacePage } from './workspace-page';

const question = (questionName: string, own: number | null): WorkspaceQuestion => ({
  questionName,
  title: `Title of ${questionName}`,
  description: '',
  kind: 'free-text',
  answerText: 'An answer.',
  evidence: [],
  own: own === null ? null : { score: own, justification: 'Because.' },
  others: null,
  spread: null,
});

const workspace = (questions: WorkspaceQuestion[], overrides: Partial<Workspace> = {}): Workspace => ({
  caseId: 'case-1',
  response: { id: 'response-1', organisationName: 'Northwind', submittedAt: null, submissionHash: null },
  scale: EVALUATION_SCALE,
  questions,
  evidence: [],
  progress: { scored: questions.filter((q) => q.own).length, total: questions.length },
  submitted: false,
  scoringOpen: true,
  ...overrides,
});

const page = (w: Workspace, question?: string, form: Record<string, string> = {}) =>
  workspacePage(w, { question, notice: undefined, errors: {}, form });

describe('the scoring workspace page', () => {
  const three = workspace([question('a', 2), question('b', null), question('c', null)]);

  it('opens the first unscored question, or the one asked for', () => {
    expect(page(three).current).toMatchObject({
      questionName: 'b',
      number: 2,
      total: 3,
      previousHref: '/cases/case-1/evaluation/responses/response-1?question=1',
    });
    expect(page(three, '3').current?.questionName).toBe('c');
    expect(page(three, '9').current?.questionName).toBe('b');
    expect(page(three).title).toBe('Question 2 of 3 · Northwind');
  });

  it('shows the review once asked, once submitted, or once scoring has closed', () => {
    expect(page(three, 'review').current).toBeNull();
    expect(page({ ...three, submitted: true }, '1')).toMatchObject({
      current: null,
      reviewCurrent: true,
      title: 'Review · Northwind',
    });
    expect(page({ ...three, scoringOpen: false }, '2').current).toBeNull();
  });

  it('keeps the score and justification typed into a refused form', () => {
    const refused = page(three, '2', { score: '3', justification: 'Typed before the error.' });
    expect(refused.current?.choices.find((choice) => choice.checked)?.score).toBe(3);
    expect(refused.current?.justification).toBe('Typed before the error.');
    expect(page(three, '1').current?.choices.find((choice) => choice.checked)?.score).toBe(2);
  });

  it('goes on to the next unscored question after a score, wrapping round, then to the review', () => {
    expect(nextQuestionAfter(three, 'b')).toBe('3');
    expect(nextQuestionAfter(workspace([question('a', null), question('b', 1), question('c', 4)]), 'c')).toBe('1');
    expect(nextQuestionAfter(workspace([question('a', 1)]), 'a')).toBe('review');
  });
});
