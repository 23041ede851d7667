import { FRIA_HEADING_DEFINITIONS, FriaHeadingKey } from '@probity/readiness';
import { articlesCited } from './ai-act';
import type { DossierInput } from './dossier-input';

/**
 * Where the providers' facts for each Art. 27(1) heading come from: answers to the named questions of
 * the built-in bank, or to any question citing the listed articles. They are sources the agency weighs
 * when it writes its assessment, never the assessment itself.
 */
export const FRIA_SOURCES: Record<FriaHeadingKey, { questionNames: string[]; articles: string[] }> = {
  a: { questionNames: ['harm_hosting'], articles: [] },
  // The bank asks no direct question about frequency of use; the expected lifetime, update cadence and
  // guaranteed support period only bound the period over which the agency can use the system.
  b: { questionNames: ['eff_resources', 'eff_support_years'], articles: [] },
  c: { questionNames: ['wb_affected_people', 'vul_minors', 'vul_other_groups', 'vul_scores_children'], articles: [] },
  d: { questionNames: ['law_misuse', 'fair_bias_testing', 'fair_mitigation'], articles: ['Art. 9'] },
  e: { questionNames: [], articles: ['Art. 14'] },
  f: { questionNames: ['harm_incidents', 'red_contest', 'red_correction'], articles: ['Art. 73', 'Art. 86'] },
};

/** The heading (a) source from the case record: the agency's own words, but not its FRIA text. */
const INTENDED_USE_LABEL = 'Intended use stated when the case was raised';
export const FRIA_NOT_WRITTEN = 'Not yet written by the agency.';

export type FriaAgencyText =
  | { written: true; text: string; writtenBy: string; writtenAt: string }
  | { written: false; text: typeof FRIA_NOT_WRITTEN };

export interface FriaSection {
  key: FriaHeadingKey;
  heading: string;
  /** Only what the agency wrote under this heading; otherwise a plain statement that it has not. */
  agency: FriaAgencyText;
  /** Facts from the case record shown beside the heading as a source. */
  caseRecord: Array<{ label: string; text: string }>;
  /** Facts eligible providers supplied, shown beside the heading as sources. */
  supplied: Array<{ provider: string; questionTitle: string; answer: string }>;
}

/** Only eligible providers' answers: a knocked-out provider's system will not be deployed. */
export function friaAnnex(input: Pick<DossierInput, 'case' | 'providers' | 'deployer'>): FriaSection[] {
  const eligible = input.providers.filter((p) => p.standing.kind !== 'disqualified');
  const written = new Map((input.deployer?.fria ?? []).map((entry) => [entry.key, entry]));
  return FRIA_HEADING_DEFINITIONS.map(({ key, heading }) => {
    const sources = FRIA_SOURCES[key];
    const own = written.get(key);
    return {
      key,
      heading,
      agency:
        own && own.text.trim() !== ''
          ? { written: true, text: own.text, writtenBy: own.writtenBy, writtenAt: own.writtenAt.slice(0, 10) }
          : { written: false, text: FRIA_NOT_WRITTEN },
      caseRecord:
        key === 'a' && input.case.intendedUse.trim() !== ''
          ? [{ label: INTENDED_USE_LABEL, text: input.case.intendedUse }]
          : [],
      supplied: eligible.flatMap((provider) =>
        provider.answers
          .filter(
            (answer) =>
              answer.answer.trim() !== '' &&
              (sources.questionNames.includes(answer.questionName) ||
                articlesCited(answer.aiAct).some((article) => sources.articles.includes(article))),
          )
          .map((answer) => ({ provider: provider.name, questionTitle: answer.title, answer: answer.answer })),
      ),
    };
  });
}
