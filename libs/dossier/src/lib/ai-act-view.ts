import type { QuestionScore } from '@probity/scoring';

/** The AI Act duties a tender for a high-risk law-enforcement system has to check. */
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
    clause: 'MCC-AI Art. 4 — Instructions for use; audit and log-access clauses',
  },
  {
    article: 'Art. 27',
    title: 'Fundamental rights impact assessment',
    clause: 'MCC-AI — Cooperation on the fundamental rights impact assessment',
  },
] as const;

export interface ObligationStatus {
  article: string;
  title: string;
  status: 'covered' | 'partly covered' | 'open';
  questions: Array<{ questionName: string; title: string; points: number | null }>;
  clause: string;
}

/** "Art. 14(4)(d); Art. 26(10)" → ["Art. 14", "Art. 26"] */
export function articlesCited(reference: string | undefined): string[] {
  return [...(reference ?? '').matchAll(/Art\.\s*(\d+)/g)].map((match) => `Art. ${match[1]}`);
}

/**
 * For one provider: which high-risk obligations its answers cover (every related question at
 * 75 points or more), partly cover, or leave open (a related question below 50, unanswered, or no
 * scored question at all), with the contract clause that closes each gap.
 */
export function aiActCoverage(
  questions: QuestionScore[],
  references: Record<string, string | undefined>,
): ObligationStatus[] {
  return OBLIGATIONS.map((obligation) => {
    const related = questions.filter(
      (q) =>
        q.status !== 'hidden' &&
        q.status !== 'informative' &&
        articlesCited(references[q.questionName]).includes(obligation.article),
    );
    const scored = related.filter((q) => q.points !== null);
    const status: ObligationStatus['status'] =
      scored.length === 0 || scored.some((q) => (q.points as number) < 50)
        ? 'open'
        : scored.every((q) => (q.points as number) >= 75)
          ? 'covered'
          : 'partly covered';
    return {
      article: obligation.article,
      title: obligation.title,
      status,
      questions: related.map((q) => ({ questionName: q.questionName, title: q.title, points: q.points })),
      clause: obligation.clause,
    };
  });
}
