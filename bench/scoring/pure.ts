import { INSTRUMENTAL_PRINCIPLES, NOT_APPLICABLE, RubricItem } from '@probity/rubric';
import { EQUAL_WEIGHTS, scoreResponse } from '@probity/scoring';
import type { BenchResult } from '../run';

/**
 * A 100-question rubric over all 17 principles with every scoring kind: single and multiple
 * choice, numeric bands, matrices, and free text scored by the panel; some questions hidden,
 * optional, N/A-able or informative.
 */
export function syntheticRubric(questions = 100): RubricItem[] {
  return Array.from({ length: questions }, (_, i) => ({
    questionName: `q${i}`,
    title: `Question ${i}`,
    principle: INSTRUMENTAL_PRINCIPLES[i % INSTRUMENTAL_PRINCIPLES.length].id,
    weight: i % 23 === 0 ? 0 : 1 + (i % 3),
    required: i % 5 !== 0,
    naAllowed: i % 7 === 0,
    evidenceRequired: i % 4 === 0,
    visible: i % 11 !== 0,
    scoring: scoringOf(i),
  }));
}

function scoringOf(i: number): RubricItem['scoring'] {
  switch (i % 10) {
    case 9:
      return {
        kind: 'numeric-bands',
        bands: [
          { max: 5, points: 100 },
          { min: 5, max: 10, points: 30 },
        ],
      };
    case 8:
      return { kind: 'multiple-choice', points: { yes: 60, partly: 30, no: 0 } };
    case 7:
      return { kind: 'matrix', points: { yes: 100, partly: 50, no: 0 } };
    case 6:
      return { kind: 'manual' };
    default:
      return { kind: 'single-choice', points: { yes: 100, partly: 50, no: 0 } };
  }
}

/** A deterministic response: varied choices, some N/A, some questions skipped. */
export function syntheticAnswers(seed: number, questions = 100): Record<string, unknown> {
  const choices = ['yes', 'partly', 'no'];
  const answers: Record<string, unknown> = {};
  for (let i = 0; i < questions; i++) {
    if ((seed + i) % 13 === 0) continue;
    const choice = choices[(seed + i) % 3];
    if (i % 7 === 0 && (seed + i) % 5 === 0) answers[`q${i}`] = NOT_APPLICABLE;
    else if (i % 10 === 9) answers[`q${i}`] = (seed * 7 + i) % 12;
    else if (i % 10 === 8) answers[`q${i}`] = [choice, choices[(seed + i + 1) % 3]];
    else if (i % 10 === 7) answers[`q${i}`] = { rowA: choice, rowB: choices[(seed + 2 * i) % 3] };
    else if (i % 10 === 6) answers[`q${i}`] = `Free-text answer ${seed}-${i}`;
    else answers[`q${i}`] = choice;
  }
  return answers;
}

/** Moderated panel scores for half of the free-text questions, so both manual paths run. */
export function syntheticPanelScores(seed: number, questions = 100): Record<string, number> {
  const scores: Record<string, number> = {};
  for (let i = 6; i < questions; i += 20) scores[`q${i}`] = (seed + i) % 5;
  return scores;
}

export function measurePureScoring(responses = 10000): { meanMs: number; medianMs: number; p95Ms: number } {
  const rubric = syntheticRubric();
  const inputs = Array.from({ length: responses }, (_, seed) => ({
    answers: syntheticAnswers(seed),
    panelScores: syntheticPanelScores(seed),
  }));
  // Warm-up, so the numbers describe the optimised code a long-running worker executes.
  for (const input of inputs.slice(0, 500))
    scoreResponse(rubric, input.answers, { weights: EQUAL_WEIGHTS, panelScores: input.panelScores });
  const samples: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    scoreResponse(rubric, input.answers, { weights: EQUAL_WEIGHTS, panelScores: input.panelScores });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    meanMs: samples.reduce((a, b) => a + b, 0) / samples.length,
    medianMs: samples[Math.floor(samples.length / 2)],
    p95Ms: samples[Math.floor(samples.length * 0.95)],
  };
}

/** The pure scorer alone: 10,000 responses of a 100-question rubric, one at a time. */
export async function run(): Promise<BenchResult> {
  const responses = 10000;
  const { meanMs, medianMs, p95Ms } = measurePureScoring(responses);
  const micro = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  return {
    name: 'Scoring (pure function)',
    lines: [
      `- ${responses.toLocaleString('en-GB')} responses of a 100-question rubric (all scoring kinds, panel scores, N/A, hidden questions)`,
      `- per response: mean **${micro(meanMs)}**, median **${micro(medianMs)}**, p95 ${micro(p95Ms)} (target < 1 ms): ${meanMs < 1 ? 'met' : 'NOT met'}`,
    ],
  };
}
