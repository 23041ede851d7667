import { Answers, localised, QuestionnaireDefinition, questionsOf, RuleFinding } from '@probity/questionnaires';
import { NOT_APPLICABLE } from '@probity/rubric';
import type { Comparison, CriteriaWeights, EvidenceFinding, ScoreSheet } from '@probity/scoring';
import { choiceValue } from '@probity/questionnaires';
import type { DossierSnapshot } from './dossier-snapshot';

export interface SnapshotProviderInput {
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
}

export interface SnapshotInput {
  agencyName: string;
  case: Omit<DossierSnapshot['case'], 'publishedAt' | 'questionsDue' | 'responsesDue'> & {
    publishedAt: Date | null;
    questionsDue: Date | null;
    responsesDue: Date;
  };
  definition: QuestionnaireDefinition;
  weights: CriteriaWeights;
  providers: SnapshotProviderInput[];
  comparison: Comparison;
  panel?: DossierSnapshot['panel'];
  clarifications?: DossierSnapshot['clarifications'];
  reviews?: DossierSnapshot['reviews'];
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Plain JSON of everything the dossier shows; answers are rendered as the text people read. */
export function assembleSnapshot(input: SnapshotInput): DossierSnapshot {
  const located = questionsOf(input.definition);
  const questionReferences: DossierSnapshot['questionReferences'] = {};
  for (const { question } of located) {
    if (question.aiAct || question.mcc)
      questionReferences[question.name] = { aiAct: question.aiAct, mcc: question.mcc };
  }
  return {
    agencyName: input.agencyName,
    case: {
      ...input.case,
      publishedAt: iso(input.case.publishedAt),
      questionsDue: iso(input.case.questionsDue),
      responsesDue: input.case.responsesDue.toISOString(),
    },
    weights: input.weights,
    questionReferences,
    providers: input.providers.map((provider) => {
      const hidden = new Set(provider.sheet.questions.filter((q) => q.status === 'hidden').map((q) => q.questionName));
      return {
        id: provider.id,
        name: provider.name,
        country: provider.country,
        legalIdentifiers: provider.legalIdentifiers,
        submittedAt: iso(provider.submittedAt),
        submissionHash: provider.submissionHash,
        sheet: provider.sheet,
        findings: provider.findings,
        missingEvidence: provider.missingEvidence,
        evidence: provider.evidence,
        answers: located
          .filter(({ question }) => question.name in provider.answers && !hidden.has(question.name))
          .map(({ question, page }) => ({
            section: localised(page.title) || page.name,
            questionName: question.name,
            title: localised(question.title) || question.name,
            answer: answerText(question, provider.answers[question.name]),
            aiAct: question.aiAct,
          })),
      };
    }),
    comparison: input.comparison,
    panel: input.panel ?? [],
    clarifications: input.clarifications ?? [],
    reviews: input.reviews ?? [],
  };
}

function answerText(question: QuestionnaireDefinition['pages'][number]['elements'][number], value: unknown): string {
  if (value === NOT_APPLICABLE) return 'Not applicable';
  const label = (raw: unknown) => {
    const choice = [...(question.choices ?? []), ...(question.columns ?? [])].find(
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
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([row, cell]) => `${row}: ${label(cell)}`)
      .join('; ');
  if (typeof value === 'number') return `${value}${question.unit ? ` ${question.unit}` : ''}`;
  return ['radiogroup', 'dropdown'].includes(question.type) ? label(value) : String(value ?? '');
}
