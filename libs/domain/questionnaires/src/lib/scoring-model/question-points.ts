import type { ElementDefinition, QuestionnaireDefinition } from '../definition';
import { scoringOf } from '../rubric-items';
import { choiceScore, choiceValue, questionsOf } from '../walk';

/**
 * A question's raw point scale in a scoring model, before its weight: the points of an answer
 * (undefined when the answer earns none of the published points, which counts as blank), and the
 * highest and lowest points an answer can earn. Points are any number, not only 0–100.
 */
export interface PointScale {
  pointsOf(answer: unknown): number | undefined;
  highest: number;
  lowest: number;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function choiceScale(points: Record<string, number>): PointScale {
  const values = Object.values(points);
  return {
    pointsOf: (answer) => points[String(answer)],
    highest: Math.max(...values),
    lowest: Math.min(...values),
  };
}

/** Undefined for a question that earns no points (text, a question marked by hand): the model refuses it. */
export function pointScaleOf(question: ElementDefinition): PointScale | undefined {
  if (question.type === 'rating') return ratingScale(question);
  const scoring = scoringOf(question);
  switch (scoring.kind) {
    case 'single-choice':
      return choiceScale(scoring.points);
    case 'multiple-choice': {
      const values = Object.values(scoring.points);
      return {
        // Every chosen choice adds its points: a raw total, not capped like the 0–100 method.
        pointsOf: (answer) =>
          Array.isArray(answer) ? sum(answer.map((value) => scoring.points[String(value)] ?? 0)) : undefined,
        highest: sum(values.filter((value) => value > 0)),
        lowest: sum(values.filter((value) => value < 0)),
      };
    }
    case 'numeric-bands': {
      const values = scoring.bands.map((band) => band.points);
      return {
        pointsOf: (answer) => {
          const value = typeof answer === 'number' ? answer : Number.NaN;
          const band = scoring.bands.find(
            (b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max),
          );
          return Number.isFinite(value) ? band?.points : undefined;
        },
        highest: Math.max(...values),
        lowest: Math.min(...values),
      };
    }
    case 'matrix': {
      const columns = choiceScale(scoring.points);
      const rows = scoring.rows ?? [];
      return {
        // Each row adds its column's points; a row left out counts as blank, so the whole table does.
        pointsOf: (answer) => {
          if (answer === null || typeof answer !== 'object') return undefined;
          const chosen = rows.map((row) => columns.pointsOf((answer as Record<string, unknown>)[row]));
          return chosen.every((points) => points !== undefined) ? sum(chosen as number[]) : undefined;
        },
        highest: rows.length * columns.highest,
        lowest: rows.length * columns.lowest,
      };
    }
    default:
      return undefined;
  }
}

/** A rating scores its `rateValues`' points when they have any, else the number chosen. */
function ratingScale(question: ElementDefinition): PointScale {
  const rateValues = (question['rateValues'] as unknown[] | undefined) ?? [];
  const points: Record<string, number> = {};
  for (const rate of rateValues) {
    const score = choiceScore(rate);
    if (score !== undefined) points[choiceValue(rate)] = score;
  }
  if (Object.keys(points).length) return choiceScale(points);
  const numbers = rateValues.map((rate) => Number(choiceValue(rate))).filter(Number.isFinite);
  const highest = numbers.length ? Math.max(...numbers) : Number(question['rateMax'] ?? 5);
  const lowest = numbers.length ? Math.min(...numbers) : Number(question['rateMin'] ?? 1);
  return {
    pointsOf: (answer) => {
      const value = typeof answer === 'number' ? answer : Number(answer);
      return Number.isFinite(value) && value >= lowest && value <= highest ? value : undefined;
    },
    highest,
    lowest,
  };
}

/**
 * The most points a group can total: each question's best answer × its weight, every question
 * counted (a group whose maximum counts only visible questions reaches at most this much).
 */
export function groupMaximumPoints(definition: QuestionnaireDefinition, questionNames: string[]): number {
  const questions = new Map(questionsOf(definition).map(({ question }) => [question.name, question]));
  return sum(
    questionNames.map((name) => {
      const question = questions.get(name);
      return question ? (question.weight ?? 1) * (pointScaleOf(question)?.highest ?? 0) : 0;
    }),
  );
}
