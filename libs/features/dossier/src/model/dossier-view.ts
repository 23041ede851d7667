import { aiActCoverage, clauseChecklist, ObligationStatus } from './ai-act';
import type { DossierFinding, DossierInput, DossierProvider, ReviewDecisionKind } from './dossier-input';
import { friaAnnex } from './fria';
import { sanitiseProviderHtml } from '@probity/questionnaires';
import { readinessView } from './readiness-view';
import { sanitiseSvg } from './svg-sanitizer';
import { methodStatementWithText, methodWithText } from './method-view';
import { providerModelLine, scoringModelView } from './scoring-model-view';
import { riskRegisterView } from './risk-register-dossier';
import { DossierCatalogue, fill } from './catalogue/catalogue';
import { dossierSections } from './dossier-sections';

export { DossierSection, dossierSections } from './dossier-sections';
import { checklistWords, dossierLanguageOf, dossierWording, DossierWording } from './dossier-wording';

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

const DECISION_KEY: Record<ReviewDecisionKind, keyof DossierCatalogue['signOff']> = {
  approve: 'approve',
  'approve-with-conditions': 'approveWithConditions',
  'request-changes': 'requestChanges',
};

const STATUS_KEY: Record<DossierStatus, keyof DossierCatalogue['status']> = {
  draft: 'draft',
  'under review': 'underReview',
  signed: 'signed',
};

export const score = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(1);

function standingText(provider: DossierProvider, { t }: DossierWording): string {
  switch (provider.standing.kind) {
    case 'ranked':
      return fill(t.provider.rank, { rank: provider.standing.rank });
    case 'disqualified':
      return t.provider.excluded;
    case 'unscored':
      return t.provider.unscored;
  }
}

function finding(f: DossierFinding, w: DossierWording) {
  return {
    title: f.title,
    severity: w.severity(f.severity),
    explanation: f.explanation,
    reference: [f.aiAct ? `${w.t.answers.aiAct} ${f.aiAct}` : '', f.mcc ? `MCC-AI ${f.mcc}` : '']
      .filter(Boolean)
      .join(' · '),
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
  const w = dossierWording(dossierLanguageOf(input));
  const { t, minute, day } = w;
  const score = w.score;
  const nameOf = new Map(input.providers.map((p) => [p.id, p.name]));
  const name = (id: string) => nameOf.get(id) ?? id;
  const sections = dossierSections(input, t);
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
          ? t.provider.passFail
          : standingText(provider, w),
      disqualified: provider.standing.kind === 'disqualified',
      overall: score(provider.overall),
      // A questionnaire with no principle mapping has no principle chart to draw, only "not mapped".
      chart: input.scoringModel?.principlesMapped === false ? '' : sanitiseSvg(provider.charts.principles),
      modelLine: providerModelLine(input, provider.id, t),
      principlesNotMapped: input.scoringModel?.principlesMapped === false ? t.model.notMapped : null,
      principles: provider.principles.map((p) => ({
        name: w.principle(p.name),
        score: score(p.score),
        instrumental: p.instrumental.map((i) => ({ name: w.principle(i.name), score: score(i.score) })),
      })),
      strongest: provider.strongest.map(w.principle),
      weakest: provider.weakest.map(w.principle),
      knockouts: provider.knockouts.map((f) => finding(f, w)),
      redFlags: provider.redFlags.map((f) => finding(f, w)),
      // Severity as the rules name it: the key risks are chosen on it, whatever the language.
      severities: provider.redFlags.map((f) => f.severity),
      evidence: provider.evidence,
      missingEvidence: provider.missingEvidence,
      evidenceConfirmations: (provider.evidenceConfirmations ?? []).map((verdict) => ({
        ...verdict,
        verdictText: verdict.confirmed ? t.provider.confirmed : t.provider.notConfirmed,
      })),
      awaitingPanel: provider.awaitingPanel,
      justifications: [...justificationsByQuestion.entries()].map(([questionName, entry]) => ({
        questionName,
        questionTitle: entry.questionTitle,
        entries: entry.entries.map((j) => ({
          evaluator: j.evaluator,
          score: j.score ?? t.document.notAvailable,
          text: j.text,
        })),
      })),
      moderation: provider.moderation.map((m) => ({ ...m, moderatedAt: minute(m.moderatedAt) })),
      // Points as printed: an unanswered required question has none, and Handlebars would print nothing.
      coverage: coverage.map((c) => ({
        ...c,
        title: w.obligation(c.article, c.title),
        statusText: w.coverage(c.status),
        questions: c.questions.map((q) => ({ ...q, points: q.points === null ? t.aiAct.unanswered : score(q.points) })),
      })),
      coverageCodes: coverage,
      coveredCount: coverage.filter((c) => c.status === 'covered').length,
      answers: provider.answers.map((a) => ({
        ...a,
        // Embedded unescaped by the template: sanitised here too, whoever built the input.
        leadIn: a.leadIn ? sanitiseProviderHtml(a.leadIn) : undefined,
        answer: a.answer.trim() === '' ? t.answers.notAnswered : a.answer,
        points: a.points === null ? '—' : score(a.points),
      })),
    };
  });

  const signOff = input.signOff;
  return {
    meta: {
      ...meta,
      generatedAt: minute(meta.generatedAt),
      signed: meta.status === 'signed',
      statusText: t.status[STATUS_KEY[meta.status]],
    },
    // The dossier's own words, and the language the HTML declares (`lang`, `dir`).
    t,
    lang: w.language,
    dir: w.dir,
    title: fill(t.document.title, { reference: input.case.reference, title: input.case.title }),
    agency: input.agency,
    case: {
      ...input.case,
      valueText: input.case.value
        ? `${w.amount(input.case.value.amount)} ${input.case.value.currency}`
        : t.document.notStated,
      criteria: input.case.criteria.map((c) => ({
        ...c,
        name: w.principle(c.name),
        subCriteria: c.subCriteria.map((sub) => ({ ...sub, name: w.principle(sub.name) })),
      })),
      timeline: input.case.timeline.map((entry) => ({ label: w.timelineLabel(entry.label), date: day(entry.date) })),
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
            firedBy: k.firedBy
              .map((f) => fill(t.provider.answerTo, { answer: f.answer, question: f.questionTitle }))
              .join('; '),
          })),
        })),
      keyRisks: providers
        .filter((p) => !p.disqualified)
        .flatMap((p) =>
          p.redFlags
            .filter((_f, index) => p.severities[index] === 'high' || p.severities[index] === 'critical')
            .map((f) => ({ provider: p.name, title: f.title, severity: f.severity })),
        ),
      openObligations: providers
        .filter((p) => p.id === recommendedId)
        .flatMap((p) => p.coverage.filter((c) => c.status !== 'covered').map((c) => `${c.article} ${c.title}`)),
    },
    panel: input.panel.map((member) => ({
      ...member,
      role: w.role(member.role),
      declaration: member.conflictOfInterest.declared
        ? `${t.procedure.conflictDeclared}${member.conflictOfInterest.recused ? ` — ${t.procedure.recused}` : ''}`
        : t.procedure.noConflict,
      declaredAt: day(member.conflictOfInterest.declaredAt),
    })),
    clarifications: input.clarifications.map((c) => ({ ...c, publishedAt: day(c.publishedAt) })),
    markingGuides: input.markingGuides ?? [],
    method: methodWithText(input.award, t),
    methodStatement: methodStatementWithText(input.award, t),
    providers,
    matrix: {
      columns: input.comparison.columns.map((column) => ({ ...column, name: w.principle(column.name) })),
      rows: input.comparison.rows.map((row) => ({
        name: name(row.providerId),
        scores: row.scores.map(score),
        overall: score(row.overall),
        disqualified: input.providers.find((p) => p.id === row.providerId)?.standing.kind === 'disqualified',
      })),
    },
    scoringModel: scoringModelView(input, t),
    charts: { comparison: sanitiseSvg(input.charts.comparison), heatMap: sanitiseSvg(input.charts.heatMap) },
    sensitivity: {
      shift: input.sensitivity.shift,
      margin: input.sensitivity.margin,
      stable: input.sensitivity.rankingStable,
      changes: input.sensitivity.cases
        .filter((c) => c.changed)
        .map((c) => ({
          criterion: w.principle(c.criterionName),
          delta: c.delta > 0 ? `+${c.delta}` : `${c.delta}`,
          leaderChanged: c.leaderChanged,
          swaps: c.swaps
            .map((s) => fill(t.sensitivity.overtakes, { overtaker: name(s.overtakenBy), ahead: name(s.ahead) }))
            .join('; '),
        })),
      closePairs: input.sensitivity.closePairs.map((pair) => ({
        a: name(pair.a),
        b: name(pair.b),
        difference: w.hundredths(pair.difference),
      })),
    },
    clauseChecklist: clauseChecklist(
      providers.map((p) => ({
        ...p,
        coverage: p.coverageCodes,
        redFlags: input.providers.find((x) => x.id === p.id)!.redFlags,
      })),
      recommendedId,
      checklistWords(w),
    ).map((item) => ({ ...item, clause: w.clause(item.clause) })),
    fria: friaAnnex(input).map((section) => ({
      ...section,
      heading: t.friaHeadings[section.key],
      agency: section.agency.written
        ? { ...section.agency, writtenAt: day(section.agency.writtenAt) }
        : { ...section.agency, text: t.fria.notWritten },
      // The only case-record source is the intended use stated when the case was raised.
      caseRecord: section.caseRecord.map((source) => ({ ...source, label: t.fria.intendedUseLabel })),
    })),
    consultations: input.deployer?.consultations ?? [],
    readiness: readinessView(input, t),
    riskRegister: riskRegisterView(input.riskRegister, recommendedId, t),
    signOff: {
      // The signed record names who approved; a review copy names who must.
      required: (signOff?.requiredReviewers ?? input.reviewers).map((r) => ({ ...r, role: w.role(r.role) })),
      decisions: (signOff?.decisions ?? []).map((d) => ({
        ...d,
        role: w.role(d.role),
        label: t.signOff[DECISION_KEY[d.decision]],
        decidedAt: minute(d.decidedAt),
      })),
      comments: (signOff?.comments ?? []).map((c) => ({
        ...c,
        sectionTitle: sectionTitle.get(c.section) ?? c.section,
        createdAt: minute(c.createdAt),
      })),
      requiredNames: (signOff?.requiredReviewers ?? input.reviewers).map((r) => r.name).join(', '),
      signedAt: minute(signOff?.signedAt ?? null),
      riskAcceptances: signOff?.riskAcceptances?.map((a) => ({ ...a, acceptedAt: minute(a.acceptedAt) })),
    },
  };
}

export type DossierView = ReturnType<typeof buildDossierView>;
