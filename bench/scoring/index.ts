import type { BenchResult } from '../run';
import { measurePureScoring } from './pure';

export async function run(): Promise<BenchResult> {
  const { meanMs, medianMs } = measurePureScoring();
  return {
    name: 'Scoring (pure function)',
    lines: [
      `- 10,000 responses of a 100-question rubric, one at a time: mean **${(meanMs * 1000).toFixed(0)} µs**, median **${(medianMs * 1000).toFixed(0)} µs** per response (target < 1 ms)`,
    ],
  };
}
