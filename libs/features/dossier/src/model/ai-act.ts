import type { DossierAnswer, DossierProvider } from './dossier-input';

/**
 * The high-risk obligations a law-enforcement buyer has to check, each with the EU model contractual
 * clause (MCC-AI, high-risk version, 2025) that closes a gap in it. Art. 9–15 are the provider's
 * requirements, Art. 26 the deployer's duties the provider must make possible, Art. 27 the
 * fundamental rights impact assessment the provider must help with.
 */
export const OBLIGATIONS = [
  { article: 'Art. 9', title: 'Risk management system', clause: 'MCC-AI Art. 2 — Risk management system' },
  { article: 'Art. 10', title: 'Data and data governance', clause: 'MCC-AI Art. 3 — Data and data governance' },
  {
    article: 'Art. 11',
    title: 'Technical documentation',
    clause: 'MCC-AI Art. 4 — Technical documentation and instructions for use',
  },
  { article: 'Art. 12', title: 'Record-keeping (logging)', clause: 'MCC-AI Art. 5 — Record-keeping' },
  { article: 'Art. 13', title: 'Transparency and instructions for use', clause: 'MCC-AI Art. 6 — Transparency' },
  { article: 'Art. 14', title: 'Human oversight', clause: 'MCC-AI Art. 7 — Human oversight' },
  {
    article: 'Art. 15',
    title: 'Accuracy, robustness and cybersecurity',
    clause: 'MCC-AI Art. 8 — Accuracy, robustness and cybersecurity',
  },
  {
    article: 'Art. 26',
    title: 'Deployer obligations the provider must enable',
    clause: 'MCC-AI Art. 4 — Instructions for use, with audit and log-access clauses',
  },
  {
    article: 'Art. 27',
    title: 'Fundamental rights impact assessment',
    clause: 'MCC-AI Section C — Cooperation on the fundamental rights impact assessment',
  },
] as const;

export type CoverageStatus = 'covered' | 'partly covered' | 'open';

export interface ObligationStatus {
  article: string;
  title: string;
  status: CoverageStatus;
  /** The answers that decided the status, with their points. */
  questions: Array<{ questionName: string; title: string; points: number | null }>;
  clause: string;
}

/** Points at or above which an answer covers an obligation, and below which it leaves it open. */
export const COVERED_FROM = 75;
export const OPEN_BELOW = 50;

/** "Art. 14(4)(d); Art. 26(10)" → ["Art. 14", "Art. 26"] */
export function articlesCited(reference: string | undefined): string[] {
  return [...new Set([...(reference ?? '').matchAll(/Art\.\s*(\d+)/g)].map((match) => `Art. ${match[1]}`))];
}

const COUNTING = new Set(['scored', 'unanswered-required']);

/**
 * For one provider: which obligations its answers cover (every related answer scores at least 75),
 * partly cover, or leave open (a related answer below 50, a required one unanswered, or no scored
 * answer at all: silence is not assurance). N/A and informative answers decide nothing.
 */
export function aiActCoverage(answers: DossierAnswer[]): ObligationStatus[] {
  return OBLIGATIONS.map((obligation) => {
    const related = answers.filter(
      (answer) => COUNTING.has(answer.status) && articlesCited(answer.aiAct).includes(obligation.article),
    );
    const points = related.map((answer) => answer.points ?? 0);
    const status: CoverageStatus =
      points.length === 0 || points.some((p) => p < OPEN_BELOW)
        ? 'open'
        : points.every((p) => p >= COVERED_FROM)
          ? 'covered'
          : 'partly covered';
    return {
      article: obligation.article,
      title: obligation.title,
      status,
      questions: related.map((answer) => ({
        questionName: answer.questionName,
        title: answer.title,
        points: answer.points,
      })),
      clause: obligation.clause,
    };
  });
}

/** "Art. 2" → the obligation's full clause title when it has one, so one clause is listed once. */
function clauseNamed(mcc: string): string {
  const short = `MCC-AI ${mcc}`;
  return OBLIGATIONS.find((o) => o.clause.startsWith(`${short} —`))?.clause ?? short;
}

export interface ClauseToInclude {
  clause: string;
  /** Why: the obligations or findings that call for it. */
  because: string[];
  /** Eligible providers with the gap; the recommended provider first. */
  providers: string[];
  /** True when the recommended provider has the gap: the clause then belongs in this contract. */
  recommendedHasGap: boolean;
}

/** The words the checklist's reasons are made of. */
export interface ChecklistWords {
  obligation: (article: string, englishTitle: string) => string;
  status: (status: CoverageStatus) => string;
  redFlag: (title: string) => string;
}

const ENGLISH_CHECKLIST_WORDS: ChecklistWords = {
  obligation: (_article, englishTitle) => englishTitle,
  status: (status) => status,
  redFlag: (title) => `red flag: ${title}`,
};

/**
 * The MCC-AI clauses to put in the contract because of gaps found: every obligation an eligible
 * provider leaves open or only partly covers, and every red flag that names a clause. Knocked-out
 * providers are left out: they will not be contracted.
 */
export function clauseChecklist(
  providers: Array<
    Pick<DossierProvider, 'id' | 'name' | 'standing' | 'redFlags'> & {
      coverage: Array<Pick<ObligationStatus, 'article' | 'title' | 'status' | 'clause'>>;
    }
  >,
  recommendedProviderId: string | null,
  // How the reasons are worded: the dossier passes its language's words (the decisions stay on the codes).
  words: ChecklistWords = ENGLISH_CHECKLIST_WORDS,
): ClauseToInclude[] {
  const eligible = providers
    .filter((provider) => provider.standing.kind !== 'disqualified')
    .sort((a, b) => Number(b.id === recommendedProviderId) - Number(a.id === recommendedProviderId));
  const byClause = new Map<string, { because: Set<string>; providers: string[]; recommendedHasGap: boolean }>();
  const note = (clause: string, because: string, provider: (typeof eligible)[number]) => {
    const entry = byClause.get(clause) ?? { because: new Set<string>(), providers: [], recommendedHasGap: false };
    entry.because.add(because);
    if (!entry.providers.includes(provider.name)) entry.providers.push(provider.name);
    if (provider.id === recommendedProviderId) entry.recommendedHasGap = true;
    byClause.set(clause, entry);
  };
  for (const provider of eligible) {
    for (const obligation of provider.coverage) {
      if (obligation.status !== 'covered')
        note(
          obligation.clause,
          `${obligation.article} ${words.obligation(obligation.article, obligation.title)} ${words.status(obligation.status)}`,
          provider,
        );
    }
    for (const flag of provider.redFlags) {
      if (flag.mcc) note(clauseNamed(flag.mcc), words.redFlag(flag.title), provider);
    }
  }
  const order = (clause: string) => {
    const index = OBLIGATIONS.findIndex((o) => o.clause === clause);
    return index === -1 ? OBLIGATIONS.length : index;
  };
  return [...byClause.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([clause, entry]) => ({
      clause,
      because: [...entry.because],
      providers: entry.providers,
      recommendedHasGap: entry.recommendedHasGap,
    }));
}
