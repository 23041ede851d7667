import { answersAtQuality, DEMO_PROVIDERS, demoCase } from '@probity/demo';
import { BUILT_IN_QUESTIONNAIRES, QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import { NOT_APPLICABLE } from '@probity/rubric';
import { judgementQuestions, moderationRows, unscoredQuestions } from './judgement-questions';

const definition = BUILT_IN_QUESTIONNAIRES.find((q) => q.key === demoCase(new Date()).questionnaireKey)!
  .definition as QuestionnaireDefinition;
const provider = DEMO_PROVIDERS[0];
const answers = answersAtQuality(definition, provider.quality, provider.overrides);

describe('judgementQuestions', () => {
  const questions = judgementQuestions(definition, answers);

  it('lists only answered questions the rubric cannot score automatically', () => {
    expect(questions.length).toBeGreaterThan(0);
    const types = new Map(questionsOf(definition).map(({ question }) => [question.name, question.type]));
    for (const question of questions) {
      expect(['comment', 'text', 'file']).toContain(types.get(question.questionName));
      expect(question.title).not.toBe('');
    }
    expect(questions.map((q) => q.questionName)).not.toContain('scope_rbi');
  });

  it('leaves out an unanswered question and an allowed N/A', () => {
    const first = questions[0].questionName;
    expect(judgementQuestions(definition, { ...answers, [first]: '  ' }).map((q) => q.questionName)).not.toContain(
      first,
    );
    expect(
      judgementQuestions(definition, { ...answers, [first]: NOT_APPLICABLE }).map((q) => q.questionName),
    ).not.toContain(first);
  });

  it('names evidence questions as such and shows the file names as the answer', () => {
    const evidence = questionsOf(definition).find(({ question }) => question.type === 'file')!.question;
    const withFile = judgementQuestions(definition, {
      ...answers,
      [evidence.name]: [{ name: 'dpia.pdf', sha256: 'a'.repeat(64) }],
    }).find((q) => q.questionName === evidence.name);
    expect(withFile).toMatchObject({ kind: 'evidence', answerText: 'dpia.pdf' });
  });
});

describe('unscoredQuestions', () => {
  it('keeps the required order and drops what is scored', () => {
    expect(unscoredQuestions(['a', 'b', 'c'], ['c', 'a'])).toEqual(['b']);
    expect(unscoredQuestions(['a'], [])).toEqual(['a']);
  });
});

describe('moderationRows', () => {
  const entries = [
    { questionName: 'q1', evaluatorId: 'ann', score: 1, justification: 'Vague.' },
    { questionName: 'q1', evaluatorId: 'bob', score: 4, justification: 'Complete.' },
    { questionName: 'q2', evaluatorId: 'ann', score: 3, justification: 'Good.' },
    { questionName: 'q2', evaluatorId: 'bob', score: 2, justification: 'Fine.' },
    { questionName: 'q2', evaluatorId: 'cat', score: 0, justification: 'Draft, not submitted.' },
  ];

  it('counts only submitted scores and flags a spread of two points or more', () => {
    const rows = moderationRows(['q1', 'q2'], entries, new Set(['ann', 'bob']), new Set());
    expect(rows[0]).toMatchObject({ spread: { min: 1, max: 4, spread: 3 }, needsDiscussion: true });
    expect(rows[1].scores.map((s) => s.evaluatorId)).toEqual(['ann', 'bob']);
    expect(rows[1]).toMatchObject({ spread: { spread: 1 }, needsDiscussion: false });
  });

  it('stops flagging a question once its consensus is recorded, and has no spread without scores', () => {
    const rows = moderationRows(['q1', 'q3'], entries, new Set(['ann', 'bob']), new Set(['q1']));
    expect(rows[0].needsDiscussion).toBe(false);
    expect(rows[1]).toMatchObject({ scores: [], spread: null, needsDiscussion: false });
  });
});
