import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { AppConfigModule, loadConfig } from '@probity/config';
import { BUILT_IN_QUESTIONNAIRES, localised, questionsOf } from '@probity/questionnaires';
import { configureWebApp } from '@probity/web';
import { QuestionBankModule } from './question-bank.module';

const run = promisify(execFile);

/** The blank questionnaire printed by real Chromium through the shared pool, read back with pdftotext. */
describe('blank questionnaire PDF', () => {
  let app: NestExpressApplication;
  let workdir: string;

  beforeAll(async () => {
    const config = loadConfig({});
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(config), QuestionBankModule],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    configureWebApp(app, config);
    await app.init();
    workdir = await mkdtemp(join(tmpdir(), 'probity-blank-'));
  });

  afterAll(async () => {
    await app?.close();
    await rm(workdir, { recursive: true, force: true });
  });

  function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks)));
  }

  async function pdfText(pdf: Buffer, name: string): Promise<string> {
    const file = join(workdir, name);
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', [file, '-']);
    // Titles wrap across lines in the PDF; compare with single spaces.
    return stdout.replace(/\s+/g, ' ');
  }

  it('prints every question title of the light questionnaire, with its sections', async () => {
    const light = BUILT_IN_QUESTIONNAIRES.find((q) => q.key === 'responsible-ai-light')!;
    const response = await request(app.getHttpServer())
      .get('/question-bank/responsible-ai-light/blank.pdf')
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('Content-Type', 'application/pdf');
    const body = response.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(body, 'light.pdf');
    expect(text).toContain('Responsible-AI due diligence (light) for lower-risk AI systems');
    const titles = questionsOf(light.definition).map(({ question }) => localised(question.title).replace(/\s+/g, ' '));
    expect(titles.length).toBeGreaterThan(10);
    const missing = titles.filter((title) => !text.includes(title));
    expect(missing).toEqual([]);
    for (const page of light.definition.pages) expect(text).toContain(localised(page.title));
  });

  it('prints in French with ?lang=fr', async () => {
    const response = await request(app.getHttpServer())
      .get('/question-bank/responsible-ai-high-risk/blank.pdf?lang=fr')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = await pdfText(response.body as Buffer, 'high-risk-fr.pdf');
    expect(text).toContain('Licéité : légitimité, nécessité et proportionnalité');
    expect(text).toContain('Pratiques d’IA interdites');
    expect(text).toContain('(obligatoire)');
  });

  it('answers 404 for an unknown questionnaire', async () => {
    await request(app.getHttpServer()).get('/question-bank/no-such-thing/blank.pdf').expect(404);
  });
});
