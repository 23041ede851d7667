import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import { dossierSections } from './dossier-view';
import { sectionGlance } from './section-glance';

describe('sectionGlance', () => {
  const input = sampleDossierInput();

  it('names the recommended provider in the summary, or says there is none', () => {
    const recommended = input.providers.find((p) => p.id === input.comparison.recommendedProviderId);
    expect(recommended).toBeDefined();
    expect(sectionGlance(input, 'summary')).toBe(`${input.case.title}: ${recommended?.name} is recommended.`);
    const none = { ...input, comparison: { ...input.comparison, recommendedProviderId: null } };
    expect(sectionGlance(none, 'summary')).toBe(`${input.case.title}: no provider is recommended.`);
  });

  it('lists ranked providers in rank order and the excluded ones apart', () => {
    const line = sectionGlance(input, 'comparison') as string;
    const ranked = input.providers
      .filter((p) => p.standing.kind === 'ranked')
      .sort((a, b) => (a.standing as { rank: number }).rank - (b.standing as { rank: number }).rank);
    expect(line.startsWith(`Ranked: ${ranked.map((p) => p.name).join(', ')}.`)).toBe(true);
    for (const excluded of input.providers.filter((p) => p.standing.kind === 'disqualified'))
      expect(line).toContain(excluded.name);
  });

  it('gives each provider section its standing, and nothing for sections read in full', () => {
    for (const provider of input.providers)
      expect(sectionGlance(input, `provider:${provider.id}`)).toMatch(
        new RegExp(`^${provider.name} \\(${provider.country}\\): (ranked \\d+, overall|excluded by|not ranked)`),
      );
    const keys = dossierSections(input).map((s) => s.key);
    for (const key of ['ai-act', 'fria', 'answers', 'sign-off']) {
      expect(keys).toContain(key);
      expect(sectionGlance(input, key)).toBeNull();
    }
    expect(sectionGlance(input, 'provider:unknown')).toBeNull();
  });
});
