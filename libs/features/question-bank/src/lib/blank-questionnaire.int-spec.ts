import type { NestExpressApplication } from '@nestjs/platform-express';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { AppConfigModule, loadConfig } from '@probity/config';
import { BUILT_IN_QUESTIONNAIRES, localised, questionsOf } from '@probity/questionnaires';
import { startWebTestApp } from '@probity/testing';
import { QuestionBankModule } from './question-bank.module';

const run = promisify(execFile);

/** pdftotext drops the hyphen of a word it finds broken at a line end ("détenez-vous"). */
const unhyphenated = (text: string) => text.replace(/-/g, '');

/**
 * Arabic reduced to what survives pdftotext: it splits the lam-alef ligature into its letters in the
 * other order, moves vowel marks and sometimes breaks a word with a space. Without vowel marks, alef and
 * lam, the letters of each word still come out in order.
 */
const arabicLetters = (text: string) =>
  text.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[\u0622\u0623\u0625\u0627\u0644]/g, '');
const arabicWords = (text: string) =>
  arabicLetters(text)
    .split(/[^\u0621-\u064A]+/)
    .filter((word) => word.length >= 3);

/** The blank questionnaire printed by real Chromium through the shared pool, read back with pdftotext. */
describe('blank questionnaire PDF', () => {
  let app: NestExpressApplication;
  let workdir: string;

  beforeAll(async () => {
    app = await startWebTestApp({ imports: [AppConfigModule.forRoot(loadConfig({})), QuestionBankModule] });
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

  it.each(['fr', 'es', 'ar'])('prints every question in %s and no English question text', async (language) => {
    const highRisk = BUILT_IN_QUESTIONNAIRES.find((q) => q.key === 'responsible-ai-high-risk')!;
    const response = await request(app.getHttpServer())
      .get(`/question-bank/responsible-ai-high-risk/blank.pdf?lang=${language}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = await pdfText(response.body as Buffer, `high-risk-${language}.pdf`);
    const questions = questionsOf(highRisk.definition).map(({ question }) => question);
    const inEnglish = questions.map((question) => localised(question.title).replace(/\s+/g, ' '));
    // The first test finds English titles in an English print the same way, so absence here means not printed.
    expect(inEnglish.filter((title) => text.includes(title))).toEqual([]);
    const translated = questions.map((question) => localised(question.title, language).replace(/\s+/g, ' '));
    expect(translated.every((title, index) => title !== inEnglish[index])).toBe(true);
    const printedArabic = arabicLetters(text).replace(/[^\u0621-\u064A]/g, '');
    const missing =
      language === 'ar'
        ? translated.flatMap((title) => arabicWords(title).filter((word) => !printedArabic.includes(word)))
        : translated.filter((title) => !unhyphenated(text).includes(unhyphenated(title)));
    expect(missing).toEqual([]);
  });

  it('answers 404 for an unknown questionnaire', async () => {
    await request(app.getHttpServer()).get('/question-bank/no-such-thing/blank.pdf').expect(404);
  });
});
