import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

const RESOLUTION_MS = 10;

/**
 * Event-loop delay of one process: how much later than every 10 ms a timer actually fired (the 10 ms
 * are taken off, so 0 means no stall). A request that arrives during a stall waits that long before
 * any of its steps start.
 */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

export function loopDelayOf(histogram: IntervalHistogram): LoopDelay {
  const ms = (ns: number) => Math.max(0, Math.round(ns / 1e4 - RESOLUTION_MS * 100) / 100);
  return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
}

export function startLoopMonitor(): IntervalHistogram {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  return histogram;
}

// Preloaded into a server (`node --require …/event-loop-probe.js`) with BENCH_EVENT_LOOP_FILE set, the
// probe takes orders on the server's stdin: `reset` as the load starts (start-up does not count) and
// `report` as it ends, which writes the delay since the reset to that file. Signals would not do:
// NestJS's shutdown hooks treat SIGUSR2 like SIGTERM.
const file = process.env.BENCH_EVENT_LOOP_FILE;
if (file) {
  const histogram = startLoopMonitor();
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (orders: string) => {
    for (const order of orders.split('\n')) {
      if (order === 'reset') histogram.reset();
      if (order === 'report') writeFileSync(file, JSON.stringify(loopDelayOf(histogram)));
    }
  });
  // Listening must not keep a server alive that is shutting down.
  (process.stdin as unknown as { unref?: () => void }).unref?.();
}
