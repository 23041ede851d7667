import {
  Answers,
  caseScopeOf,
  choiceValue,
  describeCaseScope,
  isHighRisk,
  leadInsOf,
  localised,
  markingGuideFor,
  QuestionnaireDefinition,
  questionsOf,
  RuleFinding,
} from '@probity/questionnaires';
import { CORE_PRINCIPLES, INSTRUMENTAL_PRINCIPLES, NOT_APPLICABLE } from '@probity/rubric';
import {
  Comparison,
  CriteriaWeights,
  EvidenceFinding,
  heatMap,
  principleBarChart,
  principleRadarChart,
  ScoreSheet,
} from '@probity/scoring';
import {
  DOSSIER_INPUT_SCHEMA_VERSION,
  DossierAgency,
  DossierClarification,
  DossierFinding,
  DossierInput,
  DossierPanelMember,
  DossierProvider,
  DossierStanding,
} from '../model/dossier-input';
import { dossierScoringModel } from './scoring-model-input';

/** One submitted response with its stored score sheet and findings, as the evaluation stores them. */
export interface ScoredProviderSource {
  id: string;
  name: string;
  country: string;
  legalIdentifiers: Record<string, string>;
  submittedAt: Date | null;
  submissionHash: string | null;
  answers: Answers;
  sheet: ScoreSheet;
  findings: RuleFinding[];
  missingEvidence: EvidenceFinding[];
  evidence: Array<{ questionName: string; fileName: string; sha256: string }>;
  justifications?: DossierProvider['justifications'];
  moderation?: DossierProvider['moderation'];
  evidenceConfirmations?: Array<{ questionName: string; confirmed: boolean; supports: number; doesNotSupport: number }>;
}

export interface ScoredCaseSource {
  agency: DossierAgency;
  case: {
    id: string;
    reference: string;
    title: string;
    description: string;
    intendedUse: string;
    aiActClassification: Record<string, unknown>;
    estimatedValue: number | null;
    currency: string | null;
    status: string;
    procurementMethod?: DossierInput['case']['procurementMethod'];
    publishedAt: Date | null;
    questionsDue: Date | null;
    responsesDue: Date;
    evaluationStartedAt?: Date | null;
    questionnaireTitle: string;
    questionnaireHash: string;
  };
  definition: QuestionnaireDefinition;
  weights: CriteriaWeights;
  providers: ScoredProviderSource[];
  comparison: Comparison;
  panel?: DossierPanelMember[];
  clarifications?: DossierClarification[];
  /** The legal reviewers whose approval the dossier needs. */
  reviewers?: DossierInput['reviewers'];
  /**
   * The questionnaire locale of the dossier's language ('fr', 'es', 'ar'): question, section and
   * marking-guide texts are taken in it where the questionnaire has them. Answers are never translated.
   */
  locale?: string;
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
const principleName = Object.fromEntries(
  [...CORE_PRINCIPLES, ...INSTRUMENTAL_PRINCIPLES].map((p) => [p.id, p.name]),
) as Record<string, string>;

/**
 * Maps stored cases, score sheets and the comparison into the dossier's input contract. Charts are
 * drawn here with @probity/scoring (the dossier sanitises them again before embedding).
 */
export function dossierInputFromScoring(source: ScoredCaseSource): DossierInput {
  const located = questionsOf(source.definition);
  // Lead-ins a reader of an answer needs (some questions make no sense without them).
  const leadIns = leadInsOf(source.definition);
  // People read a question's title; its name is an internal key (kept only as a fallback for a title-less question).
  const locale = source.locale ?? 'default';
  const questionTitle = (name: string) =>
    localised(located.find((l) => l.question.name === name)?.question.title, locale) || name;
  // A rule's message in the dossier's language, where the questionnaire has it ('' in English: the finding's own).
  const rules = new Map(
    [...(source.definition.knockouts ?? []), ...(source.definition.redFlags ?? [])].map((r) => [r.id, r]),
  );
  const ruleText = (ruleId: string, part: 'title' | 'explanation') => {
    const rule = locale === 'default' ? undefined : rules.get(ruleId);
    return rule ? localised(rule[part], locale) : '';
  };
  const { comparison } = source;
  const scoringModel = dossierScoringModel(source.definition, source.providers, comparison);
  // Without a principle mapping, the questionnaire's own model ranks (and recommends) alone.
  const modelRanks = scoringModel && !scoringModel.principlesMapped ? scoringModel.rows : undefined;
  const standingOf = (id: string): DossierStanding => {
    const modelRank = modelRanks?.find((row) => row.providerId === id)?.rank;
    if (modelRank) return { kind: 'ranked', rank: modelRank };
    const ranked = comparison.ranked.find((r) => r.providerId === id);
    if (ranked) return { kind: 'ranked', rank: ranked.rank };
    if (comparison.disqualified.some((d) => d.providerId === id)) return { kind: 'disqualified' };
    return { kind: 'unscored' };
  };
  const providers: DossierProvider[] = source.providers.map((provider) => {
    const byQuestion = new Map(provider.sheet.questions.map((q) => [q.questionName, q]));
    const ranked = comparison.ranked.find((r) => r.providerId === provider.id);
    // The sheet keeps the English title; another language takes the questionnaire's own translation.
    const titleOf = (name: string) =>
      locale === 'default' ? (byQuestion.get(name)?.title ?? name) : questionTitle(name);
    const finding = (f: RuleFinding): DossierFinding => ({
      ruleId: f.ruleId,
      title: ruleText(f.ruleId, 'title') || f.title,
      severity: f.severity,
      explanation: ruleText(f.ruleId, 'explanation') || f.explanation,
      aiAct: f.aiAct,
      mcc: f.mcc,
      firedBy: f.firedBy.map((fired) => {
        const question = located.find((l) => l.question.name === fired.questionName)?.question;
        return {
          questionName: fired.questionName,
          questionTitle: questionTitle(fired.questionName),
          answer: answerText(question, fired.answer),
        };
      }),
    });
    return {
      id: provider.id,
      name: provider.name,
      country: provider.country,
      legalIdentifiers: provider.legalIdentifiers,
      submittedAt: iso(provider.submittedAt),
      submissionHash: provider.submissionHash,
      standing: standingOf(provider.id),
      overall: ranked?.overall ?? provider.sheet.overall,
      principles: CORE_PRINCIPLES.map((core) => ({
        id: core.id,
        name: core.name,
        score: provider.sheet.core[core.id],
        instrumental: INSTRUMENTAL_PRINCIPLES.filter((p) => p.core === core.id).map((p) => ({
          id: p.id,
          name: p.name,
          score: provider.sheet.instrumental[p.id],
        })),
      })),
      strongest: (ranked?.strongest ?? []).map((id) => principleName[id] ?? id),
      weakest: (ranked?.weakest ?? []).map((id) => principleName[id] ?? id),
      knockouts: provider.findings.filter((f) => f.kind === 'knockout').map(finding),
      redFlags: provider.findings.filter((f) => f.kind === 'red-flag').map(finding),
      evidence: provider.evidence.map((file) => ({ ...file, questionTitle: questionTitle(file.questionName) })),
      missingEvidence: provider.missingEvidence.map((m) => ({
        questionName: m.questionName,
        title: locale === 'default' ? m.title : questionTitle(m.questionName),
      })),
      awaitingPanel: provider.sheet.awaitingPanel.map(titleOf),
      // The caller titles the panel's records in English; another language takes the questionnaire's.
      justifications: (provider.justifications ?? []).map((j) => ({ ...j, questionTitle: titleOf(j.questionName) })),
      moderation: (provider.moderation ?? []).map((m) => ({ ...m, questionTitle: titleOf(m.questionName) })),
      evidenceConfirmations: (provider.evidenceConfirmations ?? []).map((verdict) => ({
        ...verdict,
        questionTitle: questionTitle(verdict.questionName),
      })),
      answers: located
        .filter(({ question }) => {
          const scored = byQuestion.get(question.name);
          return scored ? scored.status !== 'hidden' : question.name in provider.answers;
        })
        .map(({ question, page }) => {
          const scored = byQuestion.get(question.name);
          return {
            section: localised(page.title, locale) || page.name,
            questionName: question.name,
            title: localised(question.title, locale) || question.name,
            answer: question.name in provider.answers ? answerText(question, provider.answers[question.name]) : '',
            points: scored?.points ?? null,
            status: scored?.status ?? 'informative',
            aiAct: question.aiAct,
            mcc: question.mcc,
            ...(leadIns.has(question.name) ? { leadIn: leadIns.get(question.name) } : {}),
          };
        }),
      charts: {
        principles: principleRadarChart(provider.sheet.core, `${provider.name}: scores by core principle`),
      },
    };
  });

  const classification = source.case.aiActClassification;
  // A case scope set by the officer describes itself; older cases kept a free-form classification.
  const scope = caseScopeOf(classification);
  const category = scope
    ? describeCaseScope(scope)
    : typeof classification['annexIII'] === 'string'
      ? `Annex III ${classification['annexIII']}`
      : typeof classification['category'] === 'string'
        ? classification['category']
        : 'not classified';
  const highRisk = scope
    ? isHighRisk(scope)
    : typeof classification['highRisk'] === 'boolean'
      ? classification['highRisk']
      : Boolean(classification['annexIII'] || classification['biometric'] || classification['riskAssessmentOfPersons']);
  const sensitivity = comparison.sensitivity;

  return {
    schemaVersion: DOSSIER_INPUT_SCHEMA_VERSION,
    agency: source.agency,
    markingGuides: located.flatMap(({ question }) => {
      const levels = markingGuideFor(question.name, locale);
      return levels ? [{ questionName: question.name, questionTitle: questionTitle(question.name), levels }] : [];
    }),
    case: {
      id: source.case.id,
      reference: source.case.reference,
      title: source.case.title,
      description: source.case.description,
      intendedUse: source.case.intendedUse,
      aiActClassification: { highRisk, category },
      value:
        source.case.estimatedValue === null
          ? null
          : { amount: source.case.estimatedValue, currency: source.case.currency ?? 'EUR' },
      procurementMethod: source.case.procurementMethod ?? 'open',
      status: source.case.status,
      questionnaire: {
        title: source.case.questionnaireTitle,
        contentHash: source.case.questionnaireHash,
        questionCount: located.length,
      },
      timeline: [
        { label: 'Tender published', date: iso(source.case.publishedAt) },
        { label: 'Clarification questions due', date: iso(source.case.questionsDue) },
        { label: 'Responses due', date: iso(source.case.responsesDue) },
        ...(source.case.evaluationStartedAt !== undefined
          ? [{ label: 'Evaluation started', date: iso(source.case.evaluationStartedAt) }]
          : []),
      ],
      criteria: CORE_PRINCIPLES.map((core) => ({
        id: core.id,
        name: core.name,
        weight: source.weights[core.id],
        subCriteria: INSTRUMENTAL_PRINCIPLES.filter((p) => p.core === core.id).map((p) => ({
          id: p.id,
          name: p.name,
          weight: comparison.principleWeights?.[p.id] ?? 1,
        })),
      })),
    },
    panel: source.panel ?? [],
    clarifications: source.clarifications ?? [],
    reviewers: source.reviewers ?? [],
    providers,
    comparison: {
      columns: CORE_PRINCIPLES.map((c) => ({ id: c.id, name: c.name })),
      rows: source.providers.map((p) => ({
        providerId: p.id,
        scores: CORE_PRINCIPLES.map((c) => p.sheet.core[c.id]),
        overall: comparison.ranked.find((r) => r.providerId === p.id)?.overall ?? p.sheet.overall,
      })),
      recommendedProviderId: modelRanks
        ? (modelRanks.find((row) => row.rank === 1)?.providerId ?? null)
        : (comparison.ranked[0]?.providerId ?? null),
    },
    ...(scoringModel ? { scoringModel } : {}),
    sensitivity: {
      shift: sensitivity.shift,
      margin: sensitivity.margin,
      rankingStable: sensitivity.rankingStable,
      cases: sensitivity.cases.map((c) => ({
        criterionId: c.principle,
        criterionName: principleName[c.principle] ?? c.principle,
        delta: c.delta,
        changed: c.changed,
        leaderChanged: c.leaderChanged,
        swaps: c.swaps.map(([ahead, overtakenBy]) => ({ ahead, overtakenBy })),
      })),
      closePairs: sensitivity.closePairs,
    },
    charts: {
      comparison: principleBarChart(
        source.providers.map((p) => ({ name: p.name, values: p.sheet.core })),
        'Scores by core principle, all providers',
      ),
      heatMap: heatMap(
        source.providers.map((p) => ({ name: p.name, values: p.sheet.instrumental })),
        INSTRUMENTAL_PRINCIPLES.map((p) => ({ id: p.id, name: p.name })),
        'Scores by instrumental principle',
      ),
    },
  };
}

type Question = QuestionnaireDefinition['pages'][number]['elements'][number];

/** An answer as people read it: choice labels instead of values, units after numbers. */
export function answerText(question: Question | undefined, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value === NOT_APPLICABLE) return 'Not applicable';
  const label = (raw: unknown) => {
    const choice = [...(question?.choices ?? []), ...(question?.columns ?? [])].find(
      (c) => choiceValue(c) === String(raw),
    );
    return choice && typeof choice === 'object' ? localised(choice.text) || String(raw) : String(raw);
  };
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value))
    return value
      .map((item) =>
        typeof item === 'object' && item !== null && 'name' in item
          ? String((item as { name: unknown }).name)
          : label(item),
      )
      .join('; ');
  if (typeof value === 'object') {
    // Matrix answers are keyed by row value; readers need the row's text ("Women", not "women").
    const rowText = (row: string) => {
      const found = (question?.rows ?? []).find((r) => choiceValue(r) === row);
      return found && typeof found === 'object' ? localised(found.text) || row : row;
    };
    return Object.entries(value)
      .map(([row, cell]) => `${rowText(row)}: ${label(cell)}`)
      .join('; ');
  }
  if (typeof value === 'number') return `${value}${question?.unit ? ` ${localised(question.unit)}` : ''}`;
  return question && ['radiogroup', 'dropdown'].includes(question.type) ? label(value) : String(value);
}
