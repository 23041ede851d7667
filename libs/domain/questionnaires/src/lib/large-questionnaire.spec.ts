import { generatedQuestionnaire } from '../fixtures/generated-questionnaire';
import { importQuestionnaire } from './import-questionnaire';
import { toRubricItems } from './rubric-items';
import { validateAnswers } from './validate-answers';

describe('a 160-question SurveyJS questionnaire with nested logic', () => {
  const definition = generatedQuestionnaire();
  const answers = Object.fromEntries(
    Array.from({ length: 8 }, (_, p) =>
      Array.from({ length: 20 }, (_, i) => [`q${p}_${i}`, i === 10 ? 'no' : 'partly']),
    ).flat(),
  );

  it('imports', () => {
    expect(importQuestionnaire(JSON.stringify(definition)).ok).toBe(true);
  });

  it('validates answers, with questions after a "no" hidden and so not required', () => {
    expect(validateAnswers(definition, answers, { forSubmit: true })).toEqual([]);
    const items = toRubricItems(definition, answers);
    expect(items).toHaveLength(160);
    // On each page q0..q10 are visible; q11 follows a "no" and everything after it is hidden.
    expect(items.filter((item) => item.visible)).toHaveLength(8 * 11);
  });

  it('hides a whole page when its gate says skip', () => {
    const items = toRubricItems(definition, { ...answers, q3_0: 'skip' });
    expect(items.filter((item) => item.questionName.startsWith('q4_') && item.visible)).toEqual([]);
  });
});
