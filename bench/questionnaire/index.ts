import { generatedQuestionnaire, importQuestionnaire, toRubricItems, validateAnswers } from '@probity/questionnaires';
import type { BenchResult } from '../run';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(action: () => unknown, runs = 20): number {
  action(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    action();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** Import, validation and visibility of a 160-question SurveyJS questionnaire with nested visibleIf. */
export async function run(): Promise<BenchResult> {
  const definition = generatedQuestionnaire();
  const json = JSON.stringify(definition);
  const answers = Object.fromEntries(
    Array.from({ length: 8 }, (_, p) =>
      Array.from({ length: 20 }, (_, i) => [`q${p}_${i}`, i === 10 ? 'no' : 'partly']),
    ).flat(),
  );
  const importMs = time(() => importQuestionnaire(json));
  const validateMs = time(() => validateAnswers(definition, answers, { forSubmit: true }));
  const rubricMs = time(() => toRubricItems(definition, answers));
  return {
    name: 'Questionnaire engine (160 questions, nested visibleIf)',
    lines: [
      `- import with full checks: median **${importMs.toFixed(1)} ms** over 20 runs`,
      `- server-side answer validation on submit: median **${validateMs.toFixed(1)} ms**`,
      `- rubric items with visibility evaluated: median **${rubricMs.toFixed(1)} ms**`,
      `- target: well under 1 s for all three together (${(importMs + validateMs + rubricMs).toFixed(1)} ms)`,
    ],
  };
}
