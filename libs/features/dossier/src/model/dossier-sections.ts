import { DossierCatalogue, EN, fill } from './catalogue/catalogue';
import type { DossierInput } from './dossier-input';

export interface DossierSection {
  key: string;
  title: string;
}

/**
 * The sections reviewers can comment on, in print order. Provider chapters are keyed by provider id.
 * Titled in English (the staff pages' language) unless the dossier's own words are given.
 */
export function dossierSections(
  input: Pick<DossierInput, 'providers'> & { award?: unknown; riskRegister?: unknown },
  t: DossierCatalogue = EN,
): DossierSection[] {
  return [
    { key: 'summary', title: t.summary.heading },
    { key: 'procedure', title: t.procedure.heading },
    { key: 'comparison', title: t.comparison.heading },
    { key: 'sensitivity', title: t.sensitivity.heading },
    ...input.providers.map((provider, index) => ({
      key: `provider:${provider.id}`,
      title: fill(t.provider.section, { number: `5.${index + 1}`, name: provider.name }),
    })),
    { key: 'ai-act', title: t.aiAct.heading },
    { key: 'readiness', title: t.readiness.heading },
    ...(input.riskRegister ? [{ key: 'risk', title: t.risk.heading }] : []),
    { key: 'fria', title: t.fria.section },
    { key: 'answers', title: t.answers.heading },
    ...(input.award ? [{ key: 'method', title: t.method.heading }] : []),
    { key: 'sign-off', title: t.signOff.heading },
  ];
}
