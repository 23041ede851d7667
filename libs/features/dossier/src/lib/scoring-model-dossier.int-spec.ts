import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BrowserPool } from '@probity/pdf-rendering';
import { impactAssessmentDossier } from '../fixtures/impact-assessment-dossier';
import { recomputeDossier } from '../reproducible/recompute-dossier';
import { DossierRenderer } from './dossier-renderer';
import { testBrowserPool } from '../testing/test-browser-pool';

const run = promisify(execFile);

/*
 * A dossier of a questionnaire with its own scoring model, printed by real Chromium with the award
 * record embedded, then recomputed from the PDF alone as `npm run recompute` does. Values worked out
 * by hand in libs/domain/scoring/src/lib/impact-assessment.spec.ts.
 */
describe('a scoring-model dossier rendered with real Chromium and recomputed from the PDF', () => {
  let pool: BrowserPool;
  let workdir: string;
  let pdf: Buffer;

  beforeAll(async () => {
    pool = testBrowserPool();
    workdir = await mkdtemp(join(tmpdir(), 'probity-model-dossier-'));
    const { method, answers, results, input } = impactAssessmentDossier();
    ({ pdf } = await new DossierRenderer(pool).render(
      { ...input, award: { method, answers, results } },
      { version: 1, status: 'draft', contentHash: 'c'.repeat(64), generatedAt: '2026-12-01T10:00:00Z' },
    ));
  });

  afterAll(async () => {
    await pool.onModuleDestroy();
    await rm(workdir, { recursive: true, force: true });
  });

  it('prints the model’s values, levels and ranking, and “not mapped” for the principle views', async () => {
    const file = join(workdir, 'dossier.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', [file, '-']);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Recommended provider: Alpha Analytics, first under the questionnaire’s own scoring model');
    expect(text).toContain('The questionnaire’s own scoring model');
    expect(text).toContain('Ranked by Risk score, lowest first (higher means more risk)');
    expect(text).toContain('Level IV: very high impact');
    expect(text).toContain('Not mapped: this questionnaire scores with its own model');
    expect(text).toContain('Worked example under the model: Alpha Analytics');
  });

  it('recomputes every model value, level and rank from the PDF alone', async () => {
    const report = await recomputeDossier(pdf);
    expect(report.reproduced).toBe(true);
    expect(report.lines).toContain(
      'Scoring model ranking: 1. Alpha Analytics 2.7 (level-1); 2. Epsilon Labs 13 (level-1); 3. Delta Data 31.5 (level-3); 4. Beta Vision 40.5 (level-3); 5. Gamma Systems 45 (level-4)',
    );
  });
});
