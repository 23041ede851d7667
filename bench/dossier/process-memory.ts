import { Worker } from 'node:worker_threads';

/**
 * Peak resident memory of this Node.js process plus every process it started (Chromium's browser,
 * renderer, GPU and utility processes), read from /proc. The sampling runs in a worker thread, so
 * it keeps sampling while the main thread is busy with synchronous work (templating, pdf-lib).
 */
export class ProcessTreeMemory {
  private readonly peak = new BigInt64Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor(intervalMs = 20) {
    this.worker = new Worker(SAMPLER, { eval: true, workerData: { root: process.pid, intervalMs, peak: this.peak } });
    this.worker.unref();
  }

  /** Forgets the peak seen so far; the next reading is the peak from now on. */
  reset(): void {
    Atomics.store(this.peak, 0, 0n);
  }

  /** The highest sum of VmRSS over the process tree since the last reset, in bytes. */
  peakBytes(): number {
    return Number(Atomics.load(this.peak, 0));
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

const SAMPLER = `
const { readFileSync, readdirSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const { root, intervalMs, peak } = workerData;

function parentOf(pid) {
  try {
    const stat = readFileSync('/proc/' + pid + '/stat', 'utf8');
    // The command name may hold spaces and parentheses; fields after it are space-separated.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch { return -1; }
}

function rssBytes(pid) {
  try {
    const match = /VmRSS:\\s+(\\d+) kB/.exec(readFileSync('/proc/' + pid + '/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch { return 0; }
}

function treeRss() {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(entry));
  }
  let total = 0;
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop();
    total += rssBytes(pid);
    pending.push(...(children.get(pid) || []));
  }
  return total;
}

setInterval(() => {
  const now = BigInt(treeRss());
  if (now > Atomics.load(peak, 0)) Atomics.store(peak, 0, now);
}, intervalMs);
`;
