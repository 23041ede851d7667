import { articlesCited } from './ai-act';
import type { DossierInput } from './dossier-input';

/**
 * The six headings of a fundamental rights impact assessment (AI Act Art. 27(1)(a)–(f)). Each is
 * pre-filled with what providers supplied: answers to the named questions of the built-in bank, or
 * to any question citing the listed articles. The agency completes and owns the assessment.
 */
export const FRIA_HEADINGS: Array<{
  key: string;
  heading: string;
  questionNames: string[];
  articles: string[];
  fromCase?: 'intendedUse';
}> = [
  {
    key: 'a',
    heading: '(a) The deployer’s processes in which the system will be used, in line with its intended purpose',
    questionNames: ['harm_hosting'],
    articles: [],
    fromCase: 'intendedUse',
  },
  {
    key: 'b',
    heading: '(b) The period of time within which, and the frequency with which, the system is intended to be used',
    // The bank asks no direct question about frequency of use; the expected lifetime, update cadence and
    // guaranteed support period bound the period of use.
    questionNames: ['eff_resources', 'eff_support_years'],
    articles: [],
  },
  {
    key: 'c',
    heading: '(c) The categories of natural persons and groups likely to be affected in this context',
    questionNames: ['wb_affected_people', 'vul_minors', 'vul_other_groups', 'vul_scores_children'],
    articles: [],
  },
  {
    key: 'd',
    heading:
      '(d) The specific risks of harm likely to affect those persons or groups, using the provider’s Art. 13 information',
    questionNames: ['law_misuse', 'fair_bias_testing', 'fair_mitigation'],
    articles: ['Art. 9'],
  },
  {
    key: 'e',
    heading: '(e) The human oversight measures, according to the instructions for use',
    questionNames: [],
    articles: ['Art. 14'],
  },
  {
    key: 'f',
    heading:
      '(f) The measures to be taken if those risks materialise, including internal governance and complaint mechanisms',
    questionNames: ['harm_incidents', 'red_contest', 'red_correction'],
    articles: ['Art. 73', 'Art. 86'],
  },
];

export interface FriaSection {
  key: string;
  heading: string;
  /** What the agency stated for this heading, or a prompt to complete it. */
  agency: string;
  supplied: Array<{ provider: string; questionTitle: string; answer: string }>;
}

/** Only eligible providers' answers: a knocked-out provider's system will not be deployed. */
export function friaAnnex(input: Pick<DossierInput, 'case' | 'providers'>): FriaSection[] {
  const eligible = input.providers.filter((p) => p.standing.kind !== 'disqualified');
  return FRIA_HEADINGS.map((heading) => ({
    key: heading.key,
    heading: heading.heading,
    agency: heading.fromCase ? input.case[heading.fromCase] : 'To be completed by the agency.',
    supplied: eligible.flatMap((provider) =>
      provider.answers
        .filter(
          (answer) =>
            answer.answer.trim() !== '' &&
            (heading.questionNames.includes(answer.questionName) ||
              articlesCited(answer.aiAct).some((article) => heading.articles.includes(article))),
        )
        .map((answer) => ({ provider: provider.name, questionTitle: answer.title, answer: answer.answer })),
    ),
  }));
}
