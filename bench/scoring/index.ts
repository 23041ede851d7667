import type { BenchResult } from '../run';
import { measureNoopThroughput } from '../queue';
import { measurePureScoring } from './pure';
import { measureScoringThroughRedis } from './through-redis';

export async function run(): Promise<BenchResult> {
  const responses = Number(process.env.BENCH_RESPONSES ?? 10000);
  const { meanMs, medianMs } = measurePureScoring();
  const noop = await measureNoopThroughput(responses);
  const batchSize = Number(process.env.BENCH_SCORING_BATCH ?? 50);
  const scored = await measureScoringThroughRedis(responses);
  const batched = await measureScoringThroughRedis(responses, batchSize);
  return {
    name: 'Scoring (pure function and through Redis + worker)',
    lines: [
      `- pure scorer, 10,000 responses of a 100-question rubric: mean **${(meanMs * 1000).toFixed(0)} µs**, median **${(medianMs * 1000).toFixed(0)} µs** per response (target < 1 ms)`,
      `- ${responses} submitted responses of the built-in questionnaire scored through Redis by one worker (concurrency 4, real PostgreSQL), one \`scoring.score-response\` job each: **${scored.toFixed(0)} responses/s**`,
      `- the same, ${batchSize} responses per \`scoring.score-responses\` job (one query per input, one multi-row insert): **${batched.toFixed(0)} responses/s**`,
      `- BullMQ no-op jobs in the same run: ${noop.toFixed(0)} jobs/s → single jobs score at **${((scored / noop) * 100).toFixed(0)} %** and batches at **${((batched / noop) * 100).toFixed(0)} %** of the no-op rate (target ≥ 25 %)`,
    ],
  };
}
