import { toRubricItems } from '../lib/rubric-items';
import { BUILT_IN_QUESTIONNAIRES } from './index';
import { MARKED_LEVELS, MARKING_GUIDE_LANGUAGES, MARKING_GUIDES, markingGuideFor } from './marking-guides';

/** Every question the panel scores by judgement (the rubric cannot score it automatically), in every built-in questionnaire. */
const judgementQuestions = BUILT_IN_QUESTIONNAIRES.flatMap(({ key, definition }) =>
  toRubricItems(definition, {})
    .filter((item) => item.scoring.kind === 'manual')
    .map((item) => [key, item.questionName] as const),
);

describe('marking guides of the judgement questions', () => {
  it('finds the judgement questions of the bank', () => {
    expect(judgementQuestions.map(([, name]) => name)).toEqual(
      expect.arrayContaining(['law_misuse', 'acc_test_report', 'fair_mitigation', 'gov_certificates']),
    );
  });

  it.each(judgementQuestions)('%s: %s has a guide for 0, 2 and 4 in every language', (_key, name) => {
    const guide = MARKING_GUIDES[name];
    expect(guide).toBeDefined();
    const gaps = MARKED_LEVELS.flatMap((level) =>
      MARKING_GUIDE_LANGUAGES.filter((language) => !(guide[level]?.[language]?.trim().length > 20)).map(
        (language) => `${level}/${language}`,
      ),
    );
    expect(gaps).toEqual([]);
  });

  it('says something different at each level and in each language', () => {
    for (const [name, guide] of Object.entries(MARKING_GUIDES)) {
      const texts = MARKED_LEVELS.flatMap((level) => MARKING_GUIDE_LANGUAGES.map((language) => guide[level][language]));
      expect({ name, distinct: new Set(texts).size }).toEqual({ name, distinct: texts.length });
    }
  });

  it('has no guide for a question that is not a judgement question', () => {
    const judged = new Set(judgementQuestions.map(([, name]) => name));
    expect(Object.keys(MARKING_GUIDES).filter((name) => !judged.has(name))).toEqual([]);
  });

  it('looks a guide up by language, falling back to English, and answers null without a guide', () => {
    expect(markingGuideFor('law_misuse', 'fr')?.map((level) => level.score)).toEqual([0, 2, 4]);
    expect(markingGuideFor('law_misuse', 'fr-BE')?.[2].text).toBe(MARKING_GUIDES.law_misuse[4].fr);
    expect(markingGuideFor('law_misuse', 'en')?.[0].text).toBe(MARKING_GUIDES.law_misuse[0].default);
    expect(markingGuideFor('law_misuse', 'de')?.[0].text).toBe(MARKING_GUIDES.law_misuse[0].default);
    expect(markingGuideFor('scope_rbi')).toBeNull();
  });
});
