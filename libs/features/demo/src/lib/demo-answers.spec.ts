import { BUILT_IN_QUESTIONNAIRES, scopeQuestionnaire, validateAnswers } from '@probity/questionnaires';
import { answersAtQuality } from './demo-answers';
import { DEMO_CASE_SCOPE, DEMO_PROVIDERS } from './demo-tender';

describe('demo provider answers', () => {
  // The demo case's copy: the scope the officer set decides which questions must be answered.
  const definition = scopeQuestionnaire(BUILT_IN_QUESTIONNAIRES[0].definition, DEMO_CASE_SCOPE);

  it.each(DEMO_PROVIDERS.map((provider) => [provider.invite.organisationName, provider] as const))(
    '%s answers every required question validly',
    (_name, provider) => {
      const answers = answersAtQuality(definition, provider.quality, provider.overrides);
      expect(validateAnswers(definition, answers, { forSubmit: true }).map((problem) => problem.message)).toEqual([]);
    },
  );

  it('gives better answers at higher quality', () => {
    const best = answersAtQuality(definition, 1);
    const worst = answersAtQuality(definition, 0);
    expect(best.aud_independent_audit).toBe('full');
    expect(worst.aud_independent_audit).toBe('refuse');
    expect(best.ho_stop).toBe(true);
    // Legality gates are answered lawfully whatever the quality: they exclude, they do not grade.
    expect(worst.fair_scraped_data).toBe(false);
    expect(worst.art5_declaration).toBe(true);
    expect(worst.ho_stop).toBe(false);
  });
});
