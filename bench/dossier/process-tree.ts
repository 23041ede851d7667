import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Fields after the command name of a /proc stat file (the name may hold spaces and parentheses). */
function statFields(pid: number | 'thread-self'): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** This process and every process it started, transitively (Chromium's browser, renderers, utilities). */
export function processTree(): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = Number(statFields(Number(entry))?.[1] ?? -1);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const pending = [process.pid];
  while (pending.length) {
    const pid = pending.pop() as number;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * CPU time (user + system) spent so far by this process and the live processes it started, in
 * milliseconds. On a shared machine this moves far less with other load than wall time does.
 */
export function processTreeCpuMs(): number {
  return processTree().reduce((sum, pid) => sum + cpuMsOf(pid), 0);
}

/**
 * User + system CPU time of one process (or of the calling thread) in milliseconds, with that of
 * its children that have ended: each render's Chromium renderer process exits with its context.
 */
export function cpuMsOf(pid: number | 'thread-self'): number {
  const fields = statFields(pid);
  const ticksToMs = 10; // USER_HZ is 100 on Linux
  const [user, system, childrenUser, childrenSystem] = (fields ?? []).slice(11, 15).map(Number);
  return fields ? (user + system + (pid === 'thread-self' ? 0 : childrenUser + childrenSystem)) * ticksToMs : 0;
}

/**
 * Peak memory of this Node.js process plus every process it started, read from /proc: the sum of
 * VmRSS (counts pages Chromium's processes share once per process, so it overstates) and the sum
 * of Pss (shared pages split between their sharers: what the tree really occupies). The sampling
 * runs in a worker thread, so it goes on while the main thread is busy (templating, pdf-lib).
 */
export class ProcessTreeMemory {
  /** [peak RSS sum, peak PSS sum] in bytes, then the sampler's own CPU time in milliseconds. */
  private readonly peak = new BigInt64Array(new SharedArrayBuffer(24));
  private readonly worker: Worker;

  constructor(intervalMs = 50) {
    this.worker = new Worker(join(__dirname, 'memory-sampler.js'), { workerData: { intervalMs, peak: this.peak } });
    this.worker.unref();
  }

  /** Forgets the peak seen so far; the next reading is the peak from now on. */
  reset(): void {
    Atomics.store(this.peak, 0, 0n);
    Atomics.store(this.peak, 1, 0n);
  }

  /** The highest sums of VmRSS and of Pss over the process tree since the last reset, in bytes. */
  peakBytes(): { rss: number; pss: number } {
    return { rss: Number(Atomics.load(this.peak, 0)), pss: Number(Atomics.load(this.peak, 1)) };
  }

  /** processTreeCpuMs() without the sampler's own thread, which is part of this process. */
  cpuMs(): number {
    return processTreeCpuMs() - Number(Atomics.load(this.peak, 2));
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
