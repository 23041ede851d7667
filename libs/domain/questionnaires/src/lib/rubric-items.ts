import { NOT_APPLICABLE, RubricItem, RubricScoring, isInstrumentalPrincipleId } from '@probity/rubric';
import type { Answers, ElementDefinition, QuestionnaireDefinition } from './definition';
import { localised } from './localise';
import { evaluateLogic, QuestionState } from './survey-engine';
import { choiceScore, choiceValue, questionsOf } from './walk';

/** Questions reduced to what the scorer needs, with visibility evaluated against these answers. */
export function toRubricItems(
  definition: QuestionnaireDefinition,
  answers: Answers,
  logic: Map<string, QuestionState> = evaluateLogic(definition, answers),
): RubricItem[] {
  const items: RubricItem[] = [];
  for (const { question } of questionsOf(definition)) {
    if (!isInstrumentalPrincipleId(question.principle)) continue;
    const state = logic.get(question.name);
    items.push({
      questionName: question.name,
      title: localised(question.title) || question.name,
      principle: question.principle,
      weight: question.weight ?? 1,
      required: state?.required ?? Boolean(question.isRequired),
      naAllowed: Boolean(question.naAllowed),
      evidenceRequired: Boolean(question.evidenceRequired),
      visible: state?.visible ?? true,
      scoring: scoringOf(question),
    });
  }
  return items;
}

function pointsOf(choices: unknown[] | undefined): Record<string, number> {
  const points: Record<string, number> = {};
  for (const choice of choices ?? []) {
    const score = choiceScore(choice);
    if (score !== undefined) points[choiceValue(choice)] = score;
  }
  return points;
}

export function scoringOf(question: ElementDefinition): RubricScoring {
  switch (question.type) {
    case 'radiogroup':
    case 'dropdown':
      return Object.keys(pointsOf(question.choices)).length
        ? { kind: 'single-choice', points: pointsOf(question.choices) }
        : { kind: 'manual' };
    case 'boolean':
      return { kind: 'single-choice', points: { true: question.scoreTrue ?? 100, false: question.scoreFalse ?? 0 } };
    case 'checkbox':
    case 'tagbox':
      return Object.keys(pointsOf(question.choices)).length
        ? { kind: 'multiple-choice', points: pointsOf(question.choices) }
        : { kind: 'manual' };
    case 'matrix':
      return Object.keys(pointsOf(question.columns)).length
        ? {
            kind: 'matrix',
            points: pointsOf(question.columns),
            rows: (question.rows ?? []).map(choiceValue),
            naRows: question.naRows ?? [],
          }
        : { kind: 'manual' };
    case 'text':
      if (question.confusionMatrix && question.scoreBands?.length)
        return { kind: 'confusion-matrix', ...question.confusionMatrix, bands: question.scoreBands };
      if ((question.inputType === 'number' || question.inputType === 'range') && question.scoreBands?.length) {
        return { kind: 'numeric-bands', bands: question.scoreBands };
      }
      return { kind: 'manual' };
    default:
      return { kind: 'manual' };
  }
}

export { NOT_APPLICABLE };
