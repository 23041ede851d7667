import { INSTRUMENTAL_PRINCIPLES, RubricItem } from '@probity/rubric';
import { EQUAL_WEIGHTS, scoreResponse } from '@probity/scoring';

/** A 100-question rubric spread over all principles, and a response generator for it. */
export function syntheticRubric(questions = 100): RubricItem[] {
  return Array.from({ length: questions }, (_, i) => ({
    questionName: `q${i}`,
    title: `Question ${i}`,
    principle: INSTRUMENTAL_PRINCIPLES[i % INSTRUMENTAL_PRINCIPLES.length].id,
    weight: 1 + (i % 3),
    required: i % 5 !== 0,
    naAllowed: i % 7 === 0,
    evidenceRequired: i % 4 === 0,
    visible: i % 11 !== 0,
    scoring:
      i % 10 === 9
        ? {
            kind: 'numeric-bands',
            bands: [
              { max: 5, points: 100 },
              { min: 5, points: 30 },
            ],
          }
        : { kind: 'single-choice', points: { yes: 100, partly: 50, no: 0 } },
  }));
}

export function syntheticAnswers(seed: number, questions = 100): Record<string, unknown> {
  const choices = ['yes', 'partly', 'no'];
  return Object.fromEntries(
    Array.from({ length: questions }, (_, i) => [
      `q${i}`,
      i % 10 === 9 ? (seed * 7 + i) % 12 : choices[(seed + i) % 3],
    ]).filter((_, i) => (seed + i) % 13 !== 0),
  );
}

export function measurePureScoring(responses = 10000): { meanMs: number; medianMs: number } {
  const rubric = syntheticRubric();
  const answers = Array.from({ length: responses }, (_, seed) => syntheticAnswers(seed));
  const samples: number[] = [];
  for (const response of answers) {
    const started = performance.now();
    scoreResponse(rubric, response, { weights: EQUAL_WEIGHTS });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    meanMs: samples.reduce((a, b) => a + b, 0) / samples.length,
    medianMs: samples[Math.floor(samples.length / 2)],
  };
}
