import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AppConfigModule, loadConfig } from '@probity/config';
import { importQuestionnaire } from '@probity/questionnaires';
import { startWebTestApp } from '@probity/testing';
import { QuestionBankModule } from './question-bank.module';

describe('question bank pages', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startWebTestApp({ imports: [AppConfigModule.forRoot(loadConfig({})), QuestionBankModule] });
  });

  afterAll(() => app.close());

  it('lists principles → questions with their references', async () => {
    const page = await request(app.getHttpServer()).get('/question-bank/responsible-ai-high-risk').expect(200);
    expect(page.text).toContain('<h2 id="core-human-autonomy">Human autonomy</h2>');
    expect(page.text).toContain('Can an authorised person stop the system safely at any time?');
    expect(page.text).toContain('Art. 14(4)(e)');
    expect(page.text).toContain('Refuses independent audit access');
    expect(page.text).not.toContain('[object Object]');
  });

  it('links the blank questionnaire PDF in each of INTERPOL’s four languages', async () => {
    const page = await request(app.getHttpServer()).get('/question-bank/responsible-ai-light').expect(200);
    // Handlebars escapes "=" in attribute values; the browser reads it back as "=".
    const html = page.text.replaceAll('&#x3D;', '=');
    for (const [language, name] of [
      ['es', 'Español'],
      ['ar', 'العربية'],
    ])
      expect(html).toContain(
        `<a href="/question-bank/responsible-ai-light/blank.pdf?lang=${language}" hreflang="${language}" lang="${language}">${name}</a>`,
      );
    expect(html).toContain(
      '<a href="/question-bank/responsible-ai-light/blank.pdf" hreflang="en" lang="en">English</a>',
    );
  });

  it('exports SurveyJS JSON that imports again, and the offline spreadsheet', async () => {
    const json = await request(app.getHttpServer()).get('/api/v1/question-bank/responsible-ai-light').expect(200);
    expect(importQuestionnaire(json.body).ok).toBe(true);
    // The complete method is published: every choice's points, the rules, red flags labelled as contract risks.
    expect(JSON.stringify(json.body)).toContain('"score"');
    expect(Object.keys(json.body.method.rules)).toContain('evidence');
    const flags = json.body.redFlags as Array<{ label: string }>;
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((flag) => flag.label === 'Risk for the contract, not an award criterion')).toBe(true);
    const xlsx = await request(app.getHttpServer())
      .get('/question-bank/responsible-ai-light/offline.xlsx')
      .buffer(true)
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('responsible-ai-light-v1.xlsx');
  });

  it('answers an unknown questionnaire with 404', async () => {
    await request(app.getHttpServer()).get('/api/v1/question-bank/nope').expect(404);
  });
});
