import { aiActCoverage, clauseChecklist, ObligationStatus } from './ai-act';
import type { DossierFinding, DossierInput, DossierProvider, ReviewDecisionKind } from './dossier-input';
import { friaAnnex } from './fria';
import { sanitiseProviderHtml } from '@probity/questionnaires';
import { readinessView } from './readiness-view';
import { sanitiseSvg } from './svg-sanitizer';
import { methodStatement } from './method-statement';
import { methodView } from './method-view';
import { NOT_MAPPED, providerModelLine, scoringModelView } from './scoring-model-view';
import { riskRegisterView } from './risk-register-dossier';

export type DossierStatus = 'draft' | 'under review' | 'signed';

export interface DossierMeta {
  version: number;
  status: DossierStatus;
  /** SHA-256 of the input content (see dossierContentHash). */
  contentHash: string;
  /** When this render was made, as printed (ISO 8601). */
  generatedAt: string;
  /** The public page where anyone can check the PDF: `<PUBLIC_BASE_URL>/verify`. */
  verifyUrl?: string;
}

export interface DossierSection {
  key: string;
  title: string;
}

/** The sections reviewers can comment on, in print order. Provider chapters are keyed by provider id. */
export function dossierSections(
  input: Pick<DossierInput, 'providers'> & { award?: unknown; riskRegister?: unknown },
): DossierSection[] {
  return [
    { key: 'summary', title: '1. Executive summary' },
    { key: 'procedure', title: '2. Procedure' },
    { key: 'comparison', title: '3. Comparison of providers' },
    { key: 'sensitivity', title: '4. Sensitivity of the ranking' },
    ...input.providers.map((provider, index) => ({
      key: `provider:${provider.id}`,
      title: `5.${index + 1} Provider: ${provider.name}`,
    })),
    { key: 'ai-act', title: '6. EU AI Act view and contract clauses' },
    { key: 'readiness', title: '7. Is the agency ready to use this system?' },
    ...(input.riskRegister ? [{ key: 'risk', title: '8. Risk register per provider' }] : []),
    { key: 'fria', title: 'Annex A. Fundamental rights impact assessment' },
    { key: 'answers', title: 'Annex B. Providers’ answers' },
    ...(input.award ? [{ key: 'method', title: 'Annex C. Method statement' }] : []),
    { key: 'sign-off', title: 'Sign-off' },
  ];
}

const DECISION_LABEL: Record<ReviewDecisionKind, string> = {
  approve: 'Approved',
  'approve-with-conditions': 'Approved with conditions',
  'request-changes': 'Changes requested',
};

export const score = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(1);

const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');
const minute = (iso: string | null | undefined): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');

function standingText(provider: DossierProvider): string {
  switch (provider.standing.kind) {
    case 'ranked':
      return `Rank ${provider.standing.rank}`;
    case 'disqualified':
      return 'Excluded by a knock-out rule';
    case 'unscored':
      return 'Not ranked: nothing scorable';
  }
}

function finding(f: DossierFinding) {
  return {
    title: f.title,
    severity: f.severity,
    explanation: f.explanation,
    reference: [f.aiAct ? `AI Act ${f.aiAct}` : '', f.mcc ? `MCC-AI ${f.mcc}` : ''].filter(Boolean).join(' · '),
    firedBy: f.firedBy,
  };
}

/**
 * Turns the input into exactly what the templates print: formatted numbers, derived AI Act coverage,
 * the clause checklist and the FRIA annex. Charts and the answers' lead-ins (questionnaire html
 * blocks) are sanitised here, the only values the templates embed unescaped (besides the font CSS
 * the renderer builds from font files).
 */
export function buildDossierView(input: DossierInput, meta: DossierMeta) {
  const nameOf = new Map(input.providers.map((p) => [p.id, p.name]));
  const name = (id: string) => nameOf.get(id) ?? id;
  const sections = dossierSections(input);
  const sectionTitle = new Map(sections.map((s) => [s.key, s.title]));
  const recommendedId = input.comparison.recommendedProviderId;
  const recommended = input.providers.find((p) => p.id === recommendedId) ?? null;
  const ranked = input.providers
    .filter((p) => p.standing.kind === 'ranked')
    .sort((a, b) => (a.standing as { rank: number }).rank - (b.standing as { rank: number }).rank);
  const runnerUp = ranked.find((p) => p.id !== recommendedId);

  const providers = input.providers.map((provider, index) => {
    const coverage: ObligationStatus[] = aiActCoverage(provider.answers);
    const justificationsByQuestion = new Map<
      string,
      { questionTitle: string; entries: DossierProvider['justifications'] }
    >();
    for (const j of provider.justifications) {
      const entry = justificationsByQuestion.get(j.questionName) ?? { questionTitle: j.questionTitle, entries: [] };
      entry.entries.push(j);
      justificationsByQuestion.set(j.questionName, entry);
    }
    return {
      id: provider.id,
      number: `5.${index + 1}`,
      name: provider.name,
      country: provider.country,
      legalIdentifiers: Object.entries(provider.legalIdentifiers).map(([scheme, id]) => ({ scheme, id })),
      submittedAt: minute(provider.submittedAt),
      submissionHash: provider.submissionHash ?? '—',
      standing: provider.standing,
      standingText:
        provider.standing.kind === 'unscored' && input.scoringModel?.ranking.by === 'none'
          ? 'Not ranked: the scoring model decides pass or fail by level'
          : standingText(provider),
      disqualified: provider.standing.kind === 'disqualified',
      overall: score(provider.overall),
      // A questionnaire with no principle mapping has no principle chart to draw, only "not mapped".
      chart: input.scoringModel?.principlesMapped === false ? '' : sanitiseSvg(provider.charts.principles),
      modelLine: providerModelLine(input, provider.id),
      principlesNotMapped: input.scoringModel?.principlesMapped === false ? NOT_MAPPED : null,
      principles: provider.principles.map((p) => ({
        name: p.name,
        score: score(p.score),
        instrumental: p.instrumental.map((i) => ({ name: i.name, score: score(i.score) })),
      })),
      strongest: provider.strongest,
      weakest: provider.weakest,
      knockouts: provider.knockouts.map(finding),
      redFlags: provider.redFlags.map(finding),
      evidence: provider.evidence,
      missingEvidence: provider.missingEvidence,
      evidenceConfirmations: (provider.evidenceConfirmations ?? []).map((verdict) => ({
        ...verdict,
        verdictText: verdict.confirmed ? 'confirmed' : 'not confirmed',
      })),
      awaitingPanel: provider.awaitingPanel,
      justifications: [...justificationsByQuestion.entries()].map(([questionName, entry]) => ({
        questionName,
        questionTitle: entry.questionTitle,
        entries: entry.entries.map((j) => ({ evaluator: j.evaluator, score: j.score ?? 'n/a', text: j.text })),
      })),
      moderation: provider.moderation.map((m) => ({ ...m, moderatedAt: minute(m.moderatedAt) })),
      // Points as printed: an unanswered required question has none, and Handlebars would print nothing.
      coverage: coverage.map((c) => ({
        ...c,
        questions: c.questions.map((q) => ({ ...q, points: q.points === null ? 'unanswered' : score(q.points) })),
      })),
      coveredCount: coverage.filter((c) => c.status === 'covered').length,
      answers: provider.answers.map((a) => ({
        ...a,
        // Embedded unescaped by the template: sanitised here too, whoever built the input.
        leadIn: a.leadIn ? sanitiseProviderHtml(a.leadIn) : undefined,
        answer: a.answer.trim() === '' ? '(not answered)' : a.answer,
        points: a.points === null ? '—' : score(a.points),
      })),
    };
  });

  const signOff = input.signOff;
  return {
    meta: { ...meta, generatedAt: minute(meta.generatedAt), signed: meta.status === 'signed' },
    title: `Evaluation dossier ${input.case.reference} — ${input.case.title}`,
    agency: input.agency,
    case: {
      ...input.case,
      valueText: input.case.value
        ? `${input.case.value.amount.toLocaleString('en-GB')} ${input.case.value.currency}`
        : 'not stated',
      timeline: input.case.timeline.map((t) => ({ label: t.label, date: day(t.date) })),
    },
    sections,
    summary: {
      recommendation: recommended
        ? {
            name: recommended.name,
            overall: score(recommended.overall),
            margin:
              runnerUp && recommended.overall !== null && runnerUp.overall !== null
                ? score(recommended.overall - runnerUp.overall)
                : null,
            runnerUp: runnerUp?.name ?? null,
          }
        : null,
      ranked: ranked.map((p) => ({
        rank: (p.standing as { rank: number }).rank,
        name: p.name,
        overall: score(p.overall),
        redFlags: p.redFlags.length,
        missingEvidence: p.missingEvidence.length,
        provisional: p.awaitingPanel.length > 0,
      })),
      unscored: input.providers.filter((p) => p.standing.kind === 'unscored').map((p) => p.name),
      disqualified: input.providers
        .filter((p) => p.standing.kind === 'disqualified')
        .map((p) => ({
          name: p.name,
          reasons: p.knockouts.map((k) => ({
            title: k.title,
            firedBy: k.firedBy.map((f) => `“${f.answer}” to “${f.questionTitle}”`).join('; '),
          })),
        })),
      keyRisks: providers
        .filter((p) => !p.disqualified)
        .flatMap((p) =>
          p.redFlags
            .filter((f) => f.severity === 'high' || f.severity === 'critical')
            .map((f) => ({ provider: p.name, title: f.title, severity: f.severity })),
        ),
      openObligations: providers
        .filter((p) => p.id === recommendedId)
        .flatMap((p) => p.coverage.filter((c) => c.status !== 'covered').map((c) => `${c.article} ${c.title}`)),
    },
    panel: input.panel.map((member) => ({
      ...member,
      declaration: member.conflictOfInterest.declared
        ? `Conflict declared${member.conflictOfInterest.recused ? ' — recused' : ''}`
        : 'No conflict declared',
      declaredAt: day(member.conflictOfInterest.declaredAt),
    })),
    clarifications: input.clarifications.map((c) => ({ ...c, publishedAt: day(c.publishedAt) })),
    markingGuides: input.markingGuides ?? [],
    method: methodView(input.award),
    methodStatement: methodStatement(input.award),
    providers,
    matrix: {
      columns: input.comparison.columns,
      rows: input.comparison.rows.map((row) => ({
        name: name(row.providerId),
        scores: row.scores.map(score),
        overall: score(row.overall),
        disqualified: input.providers.find((p) => p.id === row.providerId)?.standing.kind === 'disqualified',
      })),
    },
    scoringModel: scoringModelView(input),
    charts: { comparison: sanitiseSvg(input.charts.comparison), heatMap: sanitiseSvg(input.charts.heatMap) },
    sensitivity: {
      shift: input.sensitivity.shift,
      margin: input.sensitivity.margin,
      stable: input.sensitivity.rankingStable,
      changes: input.sensitivity.cases
        .filter((c) => c.changed)
        .map((c) => ({
          criterion: c.criterionName,
          delta: c.delta > 0 ? `+${c.delta}` : `${c.delta}`,
          leaderChanged: c.leaderChanged,
          swaps: c.swaps.map((s) => `${name(s.overtakenBy)} overtakes ${name(s.ahead)}`).join('; '),
        })),
      closePairs: input.sensitivity.closePairs.map((pair) => ({
        a: name(pair.a),
        b: name(pair.b),
        difference: pair.difference.toFixed(2),
      })),
    },
    clauseChecklist: clauseChecklist(
      providers.map((p) => ({ ...p, redFlags: input.providers.find((x) => x.id === p.id)!.redFlags })),
      recommendedId,
    ),
    fria: friaAnnex(input),
    consultations: input.deployer?.consultations ?? [],
    readiness: readinessView(input),
    riskRegister: riskRegisterView(input.riskRegister, recommendedId),
    signOff: {
      // The signed record names who approved; a review copy names who must.
      required: signOff?.requiredReviewers ?? input.reviewers,
      decisions: (signOff?.decisions ?? []).map((d) => ({
        ...d,
        label: DECISION_LABEL[d.decision],
        decidedAt: minute(d.decidedAt),
      })),
      comments: (signOff?.comments ?? []).map((c) => ({
        ...c,
        sectionTitle: sectionTitle.get(c.section) ?? c.section,
        createdAt: minute(c.createdAt),
      })),
      signedAt: minute(signOff?.signedAt ?? null),
      riskAcceptances: signOff?.riskAcceptances?.map((a) => ({ ...a, acceptedAt: minute(a.acceptedAt) })),
    },
  };
}

export type DossierView = ReturnType<typeof buildDossierView>;
