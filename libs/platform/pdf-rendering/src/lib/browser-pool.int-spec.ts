import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { locateBrowser } from './browser-locator';
import { BrowserPool } from './browser-pool';

const SIMPLE = '<html><body><h1>Dossier</h1><p>One page.</p></body></html>';
/** Enough pages that printing takes a while, so the browser can be killed in the middle. */
const LONG = `<html><body>${'<p>Long dossier paragraph with enough words to fill lines. </p>'.repeat(40000)}</body></html>`;

/** The Chromium main processes this test process launched (their parent is us). */
function chromiumChildren(): number[] {
  let output = '';
  try {
    output = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)]).toString();
  } catch {
    return []; // ps exits 1 when there are none
  }
  return output
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, command]) => command?.startsWith('chrom'))
    .map(([pid]) => Number(pid));
}

/** Largest gap between 50 ms ticks while `work` runs: the process must stay responsive. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 50);
  const [result] = await Promise.allSettled([work()]);
  clearInterval(ticker);
  return { result, stallMs };
}

describe('browser pool when Chromium crashes or hangs (real Chromium)', () => {
  let pool: BrowserPool;
  const stopped: number[] = [];

  beforeEach(() => {
    pool = new BrowserPool({
      executablePath: locateBrowser().executablePath,
      maxConcurrentRenders: 1,
      maxRendersPerBrowser: 50,
      renderTimeoutMs: 4000,
    });
  });

  afterEach(async () => {
    for (const pid of stopped.splice(0)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await pool.onModuleDestroy();
  });

  async function renders(): Promise<void> {
    const pdf = await pool.renderPdf(SIMPLE, { title: 'check' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }

  it('a browser killed between renders is replaced on the next render', async () => {
    await renders();
    const [first] = chromiumChildren();
    expect(first).toBeGreaterThan(0);
    process.kill(first, 'SIGKILL');
    await sleep(300);
    await renders();
    expect(pool.stats.launches).toBe(2);
    expect(chromiumChildren()).not.toContain(first);
  }, 60_000);

  it('a browser killed in the middle of a render fails that render only; the next one works', async () => {
    await renders();
    const [victim] = chromiumChildren();
    const inFlight = pool.renderPdf(LONG, { title: 'long' });
    await sleep(700);
    process.kill(victim, 'SIGKILL');
    await expect(inFlight).rejects.toThrow();
    await renders();
    expect(pool.stats.launches).toBe(2);
  }, 60_000);

  it('a hung browser times the render out without blocking the process, and is replaced', async () => {
    await renders();
    const [hung] = chromiumChildren();
    process.kill(hung, 'SIGSTOP');
    stopped.push(hung);
    const started = Date.now();
    const { result, stallMs } = await longestStall(() => pool.renderPdf(SIMPLE, { title: 'hung' }));
    expect(result.status).toBe('rejected');
    // Bounded by the protocol timeout (twice the render timeout), not forever.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(stallMs).toBeLessThan(1000);
    await renders();
    expect(pool.stats.launches).toBe(2);
  }, 60_000);
});
