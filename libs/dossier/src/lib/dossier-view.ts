import { CORE_PRINCIPLES, INSTRUMENTAL_PRINCIPLES } from '@probity/rubric';
import { heatMap, principleBarChart, principleRadarChart } from '@probity/scoring';
import { aiActCoverage, ObligationStatus } from './ai-act-view';
import type { DossierSnapshot } from './dossier-snapshot';

export interface DossierMeta {
  version: number;
  status: 'draft' | 'under review' | 'signed';
  snapshotHash: string;
  generatedAt: string;
}

const principleName = Object.fromEntries([...CORE_PRINCIPLES, ...INSTRUMENTAL_PRINCIPLES].map((p) => [p.id, p.name]));
const fixed = (value: number | null | undefined) => (value === null || value === undefined ? 'n/a' : value.toFixed(1));

/**
 * Turns a snapshot into what the templates print. Charts are SVG strings built here from numbers
 * (names escaped by the chart functions); every other value is plain text the templates escape.
 */
export function dossierView(snapshot: DossierSnapshot, meta: DossierMeta) {
  const byId = new Map(snapshot.providers.map((p) => [p.id, p]));
  const recommended = snapshot.comparison.ranked[0];
  const aiActReferences = Object.fromEntries(
    Object.entries(snapshot.questionReferences).map(([name, refs]) => [name, refs.aiAct]),
  );
  const providers = snapshot.providers.map((provider) => {
    const ranked = snapshot.comparison.ranked.find((r) => r.providerId === provider.id);
    const disqualified = snapshot.comparison.disqualified.find((d) => d.providerId === provider.id);
    const coverage: ObligationStatus[] = aiActCoverage(provider.sheet.questions, aiActReferences);
    return {
      ...provider,
      standing: ranked ? `Rank ${ranked.rank}` : disqualified ? 'Disqualified (knock-out)' : 'Not ranked',
      overall: fixed(ranked?.overall ?? disqualified?.overall ?? provider.sheet.overall),
      coreScores: CORE_PRINCIPLES.map((core) => ({
        name: core.name,
        score: fixed(provider.sheet.core[core.id]),
        instrumental: INSTRUMENTAL_PRINCIPLES.filter((p) => p.core === core.id).map((p) => ({
          name: p.name,
          score: fixed(provider.sheet.instrumental[p.id]),
        })),
      })),
      radar: principleRadarChart(provider.sheet.core, `${provider.name}: scores by core principle`),
      knockouts: provider.findings.filter((f) => f.kind === 'knockout').map(withAnswers),
      redFlags: provider.findings.filter((f) => f.kind === 'red-flag').map(withAnswers),
      strongest: (ranked?.strongest ?? []).map((id) => principleName[id]),
      weakest: (ranked?.weakest ?? []).map((id) => principleName[id]),
      coverage,
      awaitingPanel: provider.sheet.questions.filter((q) => q.status === 'awaiting-panel').map((q) => q.title),
    };
  });
  const openClauses = new Map<string, string[]>();
  for (const provider of providers) {
    for (const obligation of provider.coverage.filter((o) => o.status !== 'covered')) {
      openClauses.set(obligation.clause, [...(openClauses.get(obligation.clause) ?? []), provider.name]);
    }
  }
  const series = snapshot.providers.map((p) => ({ name: p.name, values: p.sheet.core }));
  return {
    meta,
    title: `Evaluation dossier — ${snapshot.case.title}`,
    agencyName: snapshot.agencyName,
    case: {
      ...snapshot.case,
      value:
        snapshot.case.estimatedValue === null
          ? 'not stated'
          : `${snapshot.case.estimatedValue.toLocaleString('en-GB')} ${snapshot.case.currency ?? ''}`.trim(),
    },
    weights: CORE_PRINCIPLES.map((core) => ({ name: core.name, weight: snapshot.weights[core.id] })),
    recommendation: recommended
      ? {
          name: recommended.name,
          overall: fixed(recommended.overall),
          margin: snapshot.comparison.ranked[1]
            ? fixed((recommended.overall ?? 0) - (snapshot.comparison.ranked[1].overall ?? 0))
            : null,
        }
      : null,
    ranked: snapshot.comparison.ranked.map((r) => ({
      rank: r.rank,
      name: r.name,
      overall: fixed(r.overall),
      redFlags: r.redFlags.length,
      missingEvidence: r.missingEvidence.length,
    })),
    disqualified: snapshot.comparison.disqualified.map((d) => ({
      name: d.name,
      reasons: d.knockouts.map((k) => k.title),
    })),
    keyRisks: providers.flatMap((p) =>
      p.redFlags
        .filter((f) => f.severity === 'high' || f.severity === 'critical')
        .map((f) => ({ provider: p.name, title: f.title })),
    ),
    providers,
    matrix: {
      columns: CORE_PRINCIPLES.map((c) => c.name),
      rows: snapshot.providers.map((p) => ({
        name: p.name,
        scores: CORE_PRINCIPLES.map((c) => fixed(p.sheet.core[c.id])),
      })),
    },
    barChart: principleBarChart(series, 'Scores by core principle, all providers'),
    heatMap: heatMap(
      snapshot.providers.map((p) => ({ name: p.name, values: p.sheet.instrumental })),
      INSTRUMENTAL_PRINCIPLES.map((p) => ({ id: p.id, name: p.name })),
      'Scores by instrumental principle',
    ),
    sensitivity: {
      shift: snapshot.comparison.sensitivity.shift,
      margin: snapshot.comparison.sensitivity.margin,
      stable: snapshot.comparison.sensitivity.rankingStable,
      changes: snapshot.comparison.sensitivity.cases
        .filter((c) => c.changed)
        .map((c) => ({
          principle: principleName[c.principle],
          delta: c.delta > 0 ? `+${c.delta}` : `${c.delta}`,
          swaps: c.swaps.map(([a, b]) => `${byId.get(a)?.name ?? a} ↔ ${byId.get(b)?.name ?? b}`).join('; '),
        })),
      closePairs: snapshot.comparison.sensitivity.closePairs.map((pair) => ({
        a: byId.get(pair.a)?.name ?? pair.a,
        b: byId.get(pair.b)?.name ?? pair.b,
        difference: pair.difference.toFixed(2),
      })),
    },
    clauseChecklist: [...openClauses.entries()].map(([clause, names]) => ({
      clause,
      providers: [...new Set(names)].join(', '),
    })),
    fria: friaAnnex(snapshot),
    panel: snapshot.panel,
    clarifications: snapshot.clarifications,
    reviews: snapshot.reviews,
  };
}

function withAnswers(finding: DossierSnapshot['providers'][number]['findings'][number]) {
  return {
    title: finding.title,
    severity: finding.severity,
    explanation: finding.explanation,
    reference: [finding.aiAct ? `AI Act ${finding.aiAct}` : '', finding.mcc ? `MCC-AI ${finding.mcc}` : '']
      .filter(Boolean)
      .join(' · '),
    firedBy: finding.firedBy
      .map((f) => `${f.questionName} = ${typeof f.answer === 'string' ? f.answer : JSON.stringify(f.answer)}`)
      .join('; '),
  };
}

/** The six headings of Art. 27(1), pre-filled from what providers supplied, for the agency to complete. */
function friaAnnex(snapshot: DossierSnapshot) {
  const answersOf = (names: string[]) =>
    snapshot.providers.flatMap((p) =>
      p.answers
        .filter((a) => names.includes(a.questionName))
        .map((a) => ({ provider: p.name, title: a.title, answer: a.answer })),
    );
  return [
    {
      heading: '(a) The deployer’s processes in which the system will be used',
      supplied: answersOf(['scope_purpose']),
      agency: snapshot.case.intendedUse,
    },
    { heading: '(b) The period and frequency of use', supplied: [], agency: 'To be completed by the agency.' },
    {
      heading: '(c) Categories of natural persons and groups likely to be affected',
      supplied: answersOf(['wb_affected_people', 'vul_minors']),
      agency: 'To be completed by the agency.',
    },
    {
      heading: '(d) Specific risks of harm to those persons and groups',
      supplied: answersOf(['law_misuse', 'fair_mitigation', 'fair_bias_testing']),
      agency: 'To be completed by the agency.',
    },
    {
      heading: '(e) Human oversight measures, per the instructions for use',
      supplied: answersOf(['ho_review_before_action', 'ho_override', 'ho_training']),
      agency: 'To be completed by the agency.',
    },
    {
      heading: '(f) Measures if the risks materialise, incl. governance and complaints',
      supplied: answersOf(['harm_incidents', 'red_contest', 'red_correction']),
      agency: 'To be completed by the agency.',
    },
  ];
}

export type DossierView = ReturnType<typeof dossierView>;
