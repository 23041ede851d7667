import puppeteer, { Page } from 'puppeteer';

/** Renderer main-thread work Chromium records in its devtools timeline, grouped the way issue 19 asks. */
const PHASES: Record<string, string[]> = {
  'HTML parse': ['ParseHTML'],
  'CSS parse': ['ParseAuthorStyleSheet'],
  'style recalc': ['UpdateLayoutTree', 'RecalculateStyles'],
  layout: ['Layout'],
  'pre-paint and paint': ['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'UpdateLayer'],
};

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface RenderProfile {
  loadMs: number;
  printMs: number;
  /** Milliseconds per phase: while loading the document, and inside the printToPDF call. */
  phases: Array<{ phase: string; loadMs: number; printMs: number }>;
}

/**
 * Loads the HTML and prints it once with the pool's print options under a devtools timeline trace,
 * then sums the renderer main thread's events per phase. What printToPDF spends outside these
 * phases is mostly the header/footer templates (a script per page), Skia's PDF backend, the print
 * compositor and the transfer.
 */
export async function profileRender(executablePath: string, html: string): Promise<RenderProfile> {
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--disable-gpu', '--font-render-hinting=none', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    protocolTimeout: 240000,
  });
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    const load = await traced(page, () => page.setContent(html, { waitUntil: 'load', timeout: 120000 }));
    const print = await traced(page, () =>
      page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="font-size:7pt">page <span class="pageNumber"></span></div>',
        tagged: true,
        outline: true,
        timeout: 120000,
      }),
    );
    return {
      loadMs: load.ms,
      printMs: print.ms,
      phases: Object.keys(PHASES).map((phase) => ({
        phase,
        loadMs: load.phases.get(phase) ?? 0,
        printMs: print.phases.get(phase) ?? 0,
      })),
    };
  } finally {
    await browser.close();
  }
}

/** Runs the step under a devtools timeline trace: its wall time and main-thread milliseconds per phase. */
async function traced(page: Page, step: () => Promise<unknown>): Promise<{ ms: number; phases: Map<string, number> }> {
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const started = performance.now();
  await step();
  const ms = performance.now() - started;
  const trace = JSON.parse(Buffer.from((await page.tracing.stop()) ?? []).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  return { ms, phases: summarise(trace.traceEvents) };
}

function summarise(events: TraceEvent[]): Map<string, number> {
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const totals = new Map<string, number>();
  const open = new Map<string, TraceEvent[]>();
  const add = (name: string, durUs: number) => {
    const phase = Object.keys(PHASES).find((key) => PHASES[key].includes(name));
    if (phase) totals.set(phase, (totals.get(phase) ?? 0) + durUs / 1000);
  };
  for (const event of events) {
    if (!mainThreads.has(`${event.pid}:${event.tid}`)) continue;
    if (event.ph === 'X') add(event.name, event.dur ?? 0);
    else if (event.ph === 'B') open.set(event.name, [...(open.get(event.name) ?? []), event]);
    else if (event.ph === 'E') {
      const begin = open.get(event.name)?.pop();
      if (begin) add(event.name, event.ts - begin.ts);
    }
  }
  return totals;
}
