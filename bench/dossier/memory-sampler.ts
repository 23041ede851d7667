import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { cpuMsOf, processTree } from './process-tree';

/** Worker thread of ProcessTreeMemory: keeps the peak sums of VmRSS and Pss in shared memory. */
const { intervalMs, peak } = workerData as { intervalMs: number; peak: BigInt64Array };

function bytesOf(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // the process ended meanwhile
  }
}

setInterval(() => {
  const tree = processTree();
  const sums = [
    tree.reduce((sum, pid) => sum + bytesOf(`/proc/${pid}/status`, 'VmRSS'), 0),
    tree.reduce((sum, pid) => sum + bytesOf(`/proc/${pid}/smaps_rollup`, 'Pss'), 0),
  ];
  sums.forEach((bytes, index) => {
    if (BigInt(bytes) > Atomics.load(peak, index)) Atomics.store(peak, index, BigInt(bytes));
  });
  // Reading /proc costs CPU in this process; the benchmark takes it off the figures it reports.
  Atomics.store(peak, 2, BigInt(cpuMsOf('thread-self')));
}, intervalMs);
