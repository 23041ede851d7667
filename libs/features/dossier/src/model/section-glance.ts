import type { DossierInput, DossierProvider } from './dossier-input';
import { score } from './dossier-view';

function standing(provider: DossierProvider): string {
  switch (provider.standing.kind) {
    case 'ranked':
      return `ranked ${provider.standing.rank}, overall ${score(provider.overall)}`;
    case 'disqualified':
      return `excluded by ${provider.knockouts.length === 1 ? 'a knock-out rule' : `${provider.knockouts.length} knock-out rules`}`;
    case 'unscored':
      return 'not ranked: nothing scorable';
  }
}

/**
 * One line per dossier section for the review page, so a reviewer sees what each section is about
 * before opening the PDF. Null for sections best read in full (annexes, AI Act view, sign-off).
 */
export function sectionGlance(input: DossierInput, key: string): string | null {
  const providers = input.providers;
  if (key === 'summary') {
    const recommended = providers.find((p) => p.id === input.comparison.recommendedProviderId);
    return recommended
      ? `${input.case.title}: ${recommended.name} is recommended.`
      : `${input.case.title}: no provider is recommended.`;
  }
  if (key === 'procedure') {
    const submitted = providers.filter((p) => p.submittedAt).length;
    return `${submitted} of ${providers.length} provider${providers.length === 1 ? '' : 's'} submitted; ${input.clarifications.length} clarification${input.clarifications.length === 1 ? '' : 's'} published; panel of ${input.panel.length}.`;
  }
  if (key === 'comparison') {
    const ranked = providers
      .filter((p) => p.standing.kind === 'ranked')
      .sort((a, b) => (a.standing as { rank: number }).rank - (b.standing as { rank: number }).rank);
    const excluded = providers.filter((p) => p.standing.kind === 'disqualified');
    const parts = [ranked.length ? `Ranked: ${ranked.map((p) => p.name).join(', ')}.` : 'No provider is ranked.'];
    if (excluded.length) parts.push(`Excluded: ${excluded.map((p) => p.name).join(', ')}.`);
    return parts.join(' ');
  }
  if (key.startsWith('provider:')) {
    const provider = providers.find((p) => `provider:${p.id}` === key);
    return provider ? `${provider.name} (${provider.country}): ${standing(provider)}.` : null;
  }
  return null;
}
