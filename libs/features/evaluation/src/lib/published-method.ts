import { CORE_PRINCIPLES, INSTRUMENTAL_PRINCIPLES } from '@probity/rubric';
import {
  Answers,
  caseScopeOf,
  caseScopeVariables,
  localised,
  QuestionnaireDefinition,
  toRubricItems,
} from '@probity/questionnaires';
import {
  CriteriaWeights,
  effectiveWeights,
  EffectiveWeightTable,
  OUTLIER_ABOVE_MEAN,
  OUTLIER_BELOW_MEAN,
} from '@probity/scoring';

export interface MethodQuestionRow {
  name: string;
  title: string;
  principle: string;
  /** Points of 100, two decimals. */
  points: string;
  outlier: 'high' | 'low' | null;
}

export interface PublishedMethodView {
  criteria: Array<{ id: string; name: string; weight: number; points: string; questions: MethodQuestionRow[] }>;
  /** The sum of every question's points: 100.00 unless nothing applies. */
  total: string;
  /** Questions above this many points are flagged as outliers (three times the average question). */
  highBound: string;
  /** Questions below this many points are flagged as outliers (a third of the average question). */
  lowBound: string;
  outliers: MethodQuestionRow[];
}

const PRINCIPLE_NAMES = new Map<string, string>(INSTRUMENTAL_PRINCIPLES.map((p) => [p.id, p.name]));
const twoDecimals = (value: number) => value.toFixed(2);

/**
 * The scoring method of a tender as a table: each question that applies with its effective weight
 * (points of 100), grouped by criterion, and the outliers the officer is warned about. The same
 * numbers the scorer uses (@probity/scoring's effectiveWeights), for the officer at case set-up and
 * for providers in the portal.
 */
export function publishedMethodView(
  definition: QuestionnaireDefinition,
  weights: CriteriaWeights,
  scopeAnswers: Answers,
  locale = 'default',
): PublishedMethodView {
  const items = toRubricItems(definition, scopeAnswers);
  const table: EffectiveWeightTable = effectiveWeights(items, weights);
  const titles = new Map<string, string>();
  const visit = (elements: QuestionnaireDefinition['pages'][number]['elements']) => {
    for (const element of elements) {
      titles.set(element.name, localised(element.title, locale) || element.name);
      if (element.elements) visit(element.elements);
    }
  };
  for (const page of definition.pages) visit(page.elements);
  const rows = table.rows.map((row) => ({
    core: row.core,
    name: row.questionName,
    title: titles.get(row.questionName) ?? row.title,
    principle: PRINCIPLE_NAMES.get(row.principle) ?? row.principle,
    points: twoDecimals(row.points),
    value: row.points,
    outlier: row.outlier,
  }));
  const strip = ({ name, title, principle, points, outlier }: (typeof rows)[number]): MethodQuestionRow => ({
    name,
    title,
    principle,
    points,
    outlier,
  });
  return {
    criteria: CORE_PRINCIPLES.map((core) => {
      const own = rows.filter((row) => row.core === core.id);
      return {
        id: core.id,
        name: core.name,
        weight: weights[core.id],
        points: twoDecimals(own.reduce((sum, row) => sum + row.value, 0)),
        questions: own.map(strip),
      };
    }),
    total: twoDecimals(table.total),
    highBound: twoDecimals(table.meanPoints * OUTLIER_ABOVE_MEAN),
    lowBound: twoDecimals(table.meanPoints * OUTLIER_BELOW_MEAN),
    outliers: rows.filter((row) => row.outlier !== null).map(strip),
  };
}

/**
 * The scope the agency set for the case, as the answers that switch the questionnaire's sections on:
 * the officer's AI Act classification decides which questions apply, identically for every provider.
 */
export function caseScopeAnswers(classification: Record<string, unknown> | null | undefined): Answers {
  const scope = caseScopeOf(classification);
  return scope ? caseScopeVariables(scope) : {};
}
