import { isInstrumentalPrincipleId, type InstrumentalPrincipleId } from '@probity/rubric';
import { aiActCoverage, articlesCited, COVERED_FROM, OBLIGATIONS } from './ai-act';
import type { DossierInput, DossierProvider } from './dossier-input';
import { clampRating, HARM_PROFILES, impactOf, PRINCIPLE_NAMES, Rating, UseContext } from './risk-impact';

/**
 * A per-provider risk register proposed from the evaluation, based on the Toolkit's risk assessment
 * approach (likelihood × impact, mitigation, residual risk). It is a record for the contract and the
 * reviewers, not an award criterion: nothing here reads or writes a score or a rank.
 */
/** `officer`: a row the officer added by hand. */
export type RiskSourceKind = 'red-flag' | 'ai-act' | 'evidence' | 'panel' | 'officer';
export type RiskDecision = 'accept' | 'mitigate' | 'avoid';
export type MitigationKind = 'contract-condition' | 'agency-measure';

export interface RiskSource {
  kind: RiskSourceKind;
  /** What raised it: the rule id, the article, or the question key. */
  ref: string;
  summary: string;
  /** The answers behind it, as printed. */
  questions: Array<{ questionName: string; title: string; answer: string }>;
}

export interface RiskRow {
  /** Stable per provider: `<kind>:<ref>`, so an officer's edits survive a re-proposal. */
  key: string;
  principle: InstrumentalPrincipleId;
  principleName: string;
  description: string;
  source: RiskSource;
  likelihood: Rating;
  impact: Rating;
  inherent: number;
  mitigation: { kind: MitigationKind; text: string; clause: string | null };
  residualLikelihood: Rating['value'];
  residualImpact: Rating['value'];
  residual: number;
  owner: string;
  decision: RiskDecision;
}

/** The facts one provider's register is proposed from: the dossier's provider and its score sheet. */
export interface RiskFacts {
  provider: Pick<
    DossierProvider,
    | 'id'
    | 'name'
    | 'answers'
    | 'redFlags'
    | 'missingEvidence'
    | 'evidenceConfirmations'
    | 'moderation'
    | 'justifications'
  >;
  /** Per question: its instrumental principle and, for a claim needing evidence, how the evidence rule treated it. */
  questions: Array<{ questionName: string; principle: string; evidence?: string }>;
  context: UseContext;
}

/** Residual score (likelihood × impact) above which, by default, a reviewer must accept the risk explicitly. */
export const DEFAULT_RISK_APPETITE = 12;

/** Panel scores (0–4) at or below which a judged answer is a concern. */
export const PANEL_CONCERN_AT_MOST = 1;

const SEVERITY_LIKELIHOOD: Record<string, Rating['value']> = { critical: 5, high: 4, medium: 3, low: 2 };

/** Where an AI Act obligation's risk sits when no related answer names a principle. */
const ARTICLE_PRINCIPLE: Record<string, InstrumentalPrincipleId> = {
  'Art. 9': 'robustness-safety',
  'Art. 10': 'non-discrimination',
  'Art. 11': 'traceability-auditability',
  'Art. 12': 'traceability-auditability',
  'Art. 13': 'transparency-explainability',
  'Art. 14': 'human-oversight',
  'Art. 15': 'accuracy',
  'Art. 26': 'accountability',
  'Art. 27': 'legitimacy',
};

const clauseForMcc = (mcc: string) =>
  OBLIGATIONS.find((o) => o.clause.startsWith(`MCC-AI ${mcc} —`))?.clause ?? `MCC-AI ${mcc}`;
const clauseForArticles = (aiAct: string | undefined) =>
  OBLIGATIONS.find((o) => articlesCited(aiAct).includes(o.article))?.clause ?? null;

export function proposeRisks(facts: RiskFacts): RiskRow[] {
  const { provider, context } = facts;
  const answerOf = new Map(provider.answers.map((answer) => [answer.questionName, answer]));
  const principleOf = (questionName: string): InstrumentalPrincipleId | null => {
    const principle = facts.questions.find((q) => q.questionName === questionName)?.principle;
    return isInstrumentalPrincipleId(principle) ? principle : null;
  };
  const printed = (questionName: string) => ({
    questionName,
    title: answerOf.get(questionName)?.title ?? questionName,
    answer: answerOf.get(questionName)?.answer || '(no answer)',
  });
  const rows: RiskRow[] = [];

  for (const flag of provider.redFlags) {
    const principle =
      flag.firedBy.map((fired) => principleOf(fired.questionName)).find((p) => p !== null) ??
      ARTICLE_PRINCIPLE[articlesCited(flag.aiAct)[0] ?? ''] ??
      'accountability';
    const clause = flag.mcc ? clauseForMcc(flag.mcc) : clauseForArticles(flag.aiAct);
    rows.push(
      row(principle, context, {
        description: `${flag.title}: ${flag.explanation}`,
        source: {
          kind: 'red-flag',
          ref: flag.ruleId,
          summary: `Red flag "${flag.title}" (${flag.severity}) raised by the provider's answers`,
          questions: flag.firedBy.map((fired) => ({
            questionName: fired.questionName,
            title: fired.questionTitle,
            answer: fired.answer || '(no answer)',
          })),
        },
        likelihood: {
          value: SEVERITY_LIKELIHOOD[flag.severity] ?? 3,
          reason: `the provider's own answer states the weakness (a ${flag.severity} red flag)`,
        },
        mitigation: {
          kind: 'contract-condition',
          text: `The contract requires the provider to remedy "${flag.title}" before acceptance and to prove it.`,
          clause,
        },
        reduction: 2,
      }),
    );
  }

  for (const obligation of aiActCoverage(provider.answers)) {
    if (obligation.status === 'covered') continue;
    // The answers that left the obligation short of covered: the ones a reader must look at.
    const short = obligation.questions.filter((q) => q.points === null || q.points < COVERED_FROM);
    const weakest = [...short].sort((a, b) => (a.points ?? 0) - (b.points ?? 0))[0];
    const principle = (weakest && principleOf(weakest.questionName)) ?? ARTICLE_PRINCIPLE[obligation.article];
    const open = obligation.status === 'open';
    rows.push(
      row(principle, context, {
        description: `${obligation.article} ${obligation.title} is ${obligation.status} by the provider's answers.`,
        source: {
          kind: 'ai-act',
          ref: obligation.article,
          summary:
            obligation.questions.length === 0
              ? `No scored answer addresses ${obligation.article}: silence is not assurance`
              : `${obligation.article} ${obligation.status}: ${short
                  .map((q) => `${q.title} ${q.points === null ? 'unanswered' : `${Math.round(q.points)} pts`}`)
                  .join('; ')}`,
          questions: short.map((q) => printed(q.questionName)),
        },
        likelihood: open
          ? { value: 4, reason: 'an answer scores below 50 or is missing, so the obligation is likely unmet' }
          : { value: 3, reason: 'answers score between 50 and 75, so the obligation is only partly met' },
        mitigation: {
          kind: 'contract-condition',
          text: `The contract obliges the provider to meet ${obligation.article} (${obligation.title}) and to show how before acceptance.`,
          clause: obligation.clause,
        },
        reduction: 2,
      }),
    );
  }

  const unconfirmed = facts.questions.filter(
    (q) => q.evidence === 'not-supported' || q.evidence === 'awaiting-confirmation',
  );
  const missingNames = new Set(provider.missingEvidence.map((m) => m.questionName));
  const evidenceClaims = [
    ...provider.missingEvidence.map((m) => ({ questionName: m.questionName, status: 'missing' as const })),
    ...unconfirmed
      .filter((q) => !missingNames.has(q.questionName))
      .map((q) => ({ questionName: q.questionName, status: q.evidence as 'not-supported' | 'awaiting-confirmation' })),
  ];
  for (const claim of evidenceClaims) {
    const principle = principleOf(claim.questionName) ?? 'accountability';
    const answer = answerOf.get(claim.questionName);
    const clause = answer?.mcc ? clauseForMcc(answer.mcc) : clauseForArticles(answer?.aiAct);
    const title = printed(claim.questionName).title;
    const byStatus = {
      missing: {
        description: `The claim "${title}" is not backed by evidence.`,
        summary: 'Claim needs evidence; none attached',
        likelihood: { value: 3, reason: 'no evidence was attached, so the claim is unproven' } as const,
        mitigation: {
          kind: 'contract-condition' as const,
          text: `The provider delivers evidence for "${title}" before signature; acceptance testing checks it.`,
          clause,
        },
        reduction: 2,
      },
      'not-supported': {
        description: `The panel found the evidence for "${title}" does not support the claim.`,
        summary: 'Evidence attached; the panel found it does not support the claim',
        likelihood: { value: 4, reason: 'the panel checked the evidence and it does not support the claim' } as const,
        mitigation: {
          kind: 'contract-condition' as const,
          text: `The contract makes "${title}" a tested acceptance criterion with a right to terminate.`,
          clause,
        },
        reduction: 2,
      },
      'awaiting-confirmation': {
        description: `The evidence for "${title}" has not been confirmed by the panel yet.`,
        summary: 'Evidence attached; the panel has not confirmed it supports the claim',
        likelihood: { value: 2, reason: 'evidence was attached but nobody has checked it supports the claim' } as const,
        mitigation: {
          kind: 'agency-measure' as const,
          text: `The panel completes the evidence check for "${title}" before award.`,
          clause: null,
        },
        reduction: 1,
      },
    }[claim.status];
    rows.push(
      row(principle, context, {
        description: byStatus.description,
        source: {
          kind: 'evidence',
          ref: claim.questionName,
          summary: byStatus.summary,
          questions: [printed(claim.questionName)],
        },
        likelihood: byStatus.likelihood,
        mitigation: byStatus.mitigation,
        reduction: byStatus.reduction,
        owner: claim.status === 'awaiting-confirmation' ? 'Evaluation panel' : undefined,
      }),
    );
  }

  for (const concern of panelConcerns(provider)) {
    const principle = principleOf(concern.questionName) ?? 'accountability';
    const answer = answerOf.get(concern.questionName);
    const clause = answer?.mcc ? clauseForMcc(answer.mcc) : clauseForArticles(answer?.aiAct);
    const title = printed(concern.questionName).title;
    rows.push(
      row(principle, context, {
        description: `The panel judged the answer to "${title}" weak (${concern.score}/4)${concern.reason ? `: ${concern.reason}` : '.'}`,
        source: {
          kind: 'panel',
          ref: concern.questionName,
          summary: `Panel score ${concern.score}/4 (${concern.basis})`,
          questions: [printed(concern.questionName)],
        },
        likelihood: {
          value: concern.score === 0 ? 4 : 3,
          reason: `the panel scored the answer ${concern.score} of 4, so the practice described is likely inadequate`,
        },
        mitigation: clause
          ? {
              kind: 'contract-condition',
              text: `The contract sets what "${title}" must achieve and how it is tested.`,
              clause,
            }
          : {
              kind: 'agency-measure',
              text: `The agency sets and checks its own requirement for "${title}" before use.`,
              clause: null,
            },
        reduction: clause ? 2 : 1,
      }),
    );
  }
  return rows;
}

/** Moderated scores at or below the concern level; without moderation, the evaluators' mean. */
function panelConcerns(provider: RiskFacts['provider']) {
  const concerns: Array<{ questionName: string; score: number; reason: string; basis: string }> = [];
  for (const moderated of provider.moderation) {
    if (moderated.consensusScore <= PANEL_CONCERN_AT_MOST)
      concerns.push({ ...moderated, score: moderated.consensusScore, basis: 'moderated' });
  }
  const moderatedNames = new Set(provider.moderation.map((m) => m.questionName));
  const byQuestion = new Map<string, number[]>();
  for (const entry of provider.justifications) {
    if (moderatedNames.has(entry.questionName) || entry.score === null) continue;
    byQuestion.set(entry.questionName, [...(byQuestion.get(entry.questionName) ?? []), entry.score]);
  }
  for (const [questionName, scores] of byQuestion) {
    const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
    if (mean <= PANEL_CONCERN_AT_MOST)
      concerns.push({
        questionName,
        score: Math.round(mean),
        reason: '',
        basis: `mean of ${scores.length} evaluator(s)`,
      });
  }
  return concerns;
}

function row(
  principle: InstrumentalPrincipleId,
  context: UseContext,
  parts: {
    description: string;
    source: RiskSource;
    likelihood: Rating;
    mitigation: RiskRow['mitigation'];
    /** Points of likelihood the mitigation removes: 2 for an enforceable contract condition, 1 for an internal measure. */
    reduction: number;
    owner?: string;
  },
): RiskRow {
  const impact = impactOf(principle, context);
  const residualLikelihood = clampRating(parts.likelihood.value - parts.reduction);
  const residual = residualLikelihood * impact.value;
  return {
    key: `${parts.source.kind}:${parts.source.ref}`,
    principle,
    principleName: PRINCIPLE_NAMES[principle],
    description: parts.description,
    source: parts.source,
    likelihood: parts.likelihood,
    impact,
    inherent: parts.likelihood.value * impact.value,
    mitigation: parts.mitigation,
    residualLikelihood,
    // A contract condition makes the harm less likely; it rarely makes it less severe.
    residualImpact: impact.value,
    residual,
    owner:
      parts.owner ??
      (parts.mitigation.kind === 'contract-condition' ? 'Procurement officer' : HARM_PROFILES[principle].agencyOwner),
    decision: residual <= 4 ? 'accept' : 'mitigate',
  };
}

/** The facts of one provider, read from a dossier input (its results.json carries the score sheets). */
export function riskFactsFromDossier(input: DossierInput, providerId: string): RiskFacts {
  const provider = input.providers.find((p) => p.id === providerId);
  if (!provider) throw new Error(`No provider ${providerId} in the dossier input`);
  const sheet = input.award?.results.providers.find((p) => p.providerId === providerId)?.sheet;
  return {
    provider,
    questions: (sheet?.questions ?? []).map((q) => ({
      questionName: q.questionName,
      principle: q.principle,
      evidence: q.evidence,
    })),
    context: { highRisk: input.case.aiActClassification.highRisk, category: input.case.aiActClassification.category },
  };
}
