import { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { ProviderInvitesService } from '@probity/cases';
import { DEMO_PROVIDERS, demoCase } from '@probity/demo';
import { IMPACT_ASSESSMENT, THIRD_PARTY_ASSESSMENT_JSON } from '@probity/questionnaires';
import { agencyWithStaff, E2eApp, startE2eApp } from './support/e2e-app';
import { publishCase, raiseDemoCase, signIn } from './support/tender-http';

const PASSWORD = 'import portal passphrase';

/** An admin imports and publishes the questionnaire, an officer opens a case with it, a provider is invited. */
async function openCaseWith(app: INestApplication, key: string, definition: unknown): Promise<string> {
  const admin = await signIn(app, 'admin@politia.example', PASSWORD);
  const imported = await admin.agent
    .post('/api/v1/questionnaire-templates')
    .set('x-csrf-token', admin.csrf)
    .send({ key, definition })
    .expect(201);
  await admin.agent
    .post(`/api/v1/questionnaire-templates/${imported.body.id}/publish`)
    .set('x-csrf-token', admin.csrf)
    .expect(200);
  const officer = await signIn(app, 'officer@politia.example', PASSWORD);
  const reference = `${demoCase(new Date()).reference}-${key}`;
  const { created } = await raiseDemoCase(officer, { reference, questionnaireKey: `${key}@1` });
  await publishCase(officer, created.body.id);
  const invited = await app.get(ProviderInvitesService).inviteProvider(created.body.id, DEMO_PROVIDERS[0].invite);
  return `/portal/${invited.token}`;
}

/** An agency's imported instrument as a provider meets it in the portal: instructions, order, languages. */
describe('an imported questionnaire in the provider portal', () => {
  let started: E2eApp;
  let app: INestApplication;
  let portalPath: string;
  let modelPortalPath: string;

  beforeAll(async () => {
    started = await startE2eApp();
    app = started.app;
    await agencyWithStaff(
      app,
      'Politia Romana (import test)',
      [
        { email: 'admin@politia.example', name: 'Ana Admin', role: 'admin' },
        { email: 'officer@politia.example', name: 'Ovidiu Officer', role: 'procurement_officer' },
      ],
      PASSWORD,
    );
    portalPath = await openCaseWith(app, 'impact-assessment', JSON.parse(THIRD_PARTY_ASSESSMENT_JSON));
    modelPortalPath = await openCaseWith(app, 'own-model', IMPACT_ASSESSMENT);
  });

  afterAll(async () => {
    await started?.close();
  });

  it('shows the instructions in place, sanitised, and orders choices by choicesOrder', async () => {
    const section = await request(app.getHttpServer()).get(`${portalPath}/sections/0?lang=en`).expect(200);
    expect(section.text).toContain(
      '<div class="questionnaire-html" id="html-0-0"><h3>Before you start</h3><p>Answer <strong>every</strong> question',
    );
    expect(section.text).not.toContain("alert('x')");
    const order = ['Access to a benefit', 'Alerts to staff', 'Triage of cases'].map((label) =>
      section.text.indexOf(label),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('shows them in the provider’s language, and a disabled question read-only', async () => {
    const french = await request(app.getHttpServer()).get(`${portalPath}/sections/1?lang=fr`).expect(200);
    expect(french.text).toContain(
      '<p>Décrivez les mesures <a href="https://example.org/guide" rel="noopener noreferrer">du guide</a>.</p>',
    );
    // "Share of decisions reviewed" waits for "no" to "a person reviews every decision".
    expect(french.text).toMatch(
      /<fieldset disabled class="question-disabled-inputs"[^>]*><legend class="visually-hidden">Part des décisions examinées \(%\)<\/legend>/,
    );
    expect(french.text).toContain('<span class="visually-hidden">Une personne examine-t-elle chaque décision ?</span>');
  });
  it('explains the questionnaire’s own scoring model before any answer, in the provider’s language', async () => {
    const french = await request(app.getHttpServer()).get(`${modelPortalPath}?lang=fr`).expect(200);
    const section = french.text.slice(french.text.indexOf('<section aria-labelledby="model-title"'));
    expect(section).toContain(
      '<h2 id="model-title">Comment votre réponse est notée : le modèle de notation propre au questionnaire</h2>',
    );
    expect(section).toContain(
      '<caption id="model-group-0">Impact : les points de chaque réponse (18 questions)</caption>',
    );
    expect(section).toMatch(
      /<th scope="rowgroup" rowspan="3">Que fait le système de son résultat \?<\/th><td>Assiste un agent<\/td><td class="num">1<\/td>/,
    );
    expect(section).toContain(
      '<code dir="ltr">iif({mitigation} &gt;&#x3D; 0.75 * {mitigationMax}, {impact} * 0.9, {impact})</code>',
    );
    expect(section).toContain(
      '<th scope="row">Niveau IV : impact très élevé</th><td>75 ou plus</td><td><span class="status status-warn">Non retenue</span></td>',
    );
    expect(section).toContain('Les réponses sont classées par « Score de risque », la plus basse en premier');
    // No question maps to a Toolkit principle: the model alone scores, so the principle tables are not shown.
    expect(french.text).not.toContain('id="criteria-title"');
    expect(french.text).not.toContain('id="method-title"');
    expect(section).toContain('class="hint method-hash"');
  });

  it('keeps the principle method alone for a questionnaire without a model', async () => {
    const english = await request(app.getHttpServer()).get(`${portalPath}?lang=en`).expect(200);
    expect(english.text).not.toContain('id="model-title"');
    expect(english.text).toContain('<h2 id="method-title">How you are scored</h2>');
  });
  it('offers the questionnaire as a spreadsheet in the provider’s language, instructions in place', async () => {
    const overview = await request(app.getHttpServer()).get(`${modelPortalPath}?lang=fr`).expect(200);
    expect(overview.text).toContain(`<a href="${modelPortalPath}/offline.xlsx?lang=fr" download>`);
    const xlsx = await request(app.getHttpServer())
      .get(`${modelPortalPath}/offline.xlsx?lang=fr`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('Content-Type', /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Questionnaire')!;
    // The workbook's own words follow the provider's language too (issue 18), not only the questions.
    expect([1, 5, 9].map((column) => sheet.getRow(1).getCell(column).value)).toEqual([
      'Partie',
      'Format de réponse',
      'Votre réponse',
    ]);
    expect([2, 3].map((row) => [sheet.getRow(row).getCell(2).value, sheet.getRow(row).getCell(5).value])).toEqual([
      ['intro', 'Information (sans réponse)'],
      ['agency_name', 'Texte court'],
    ]);
    expect(String(sheet.getRow(2).getCell(3).value)).toMatch(/^Cette évaluation mesure l’impact/);
    await request(app.getHttpServer()).get('/portal/not-a-token/offline.xlsx').expect(404);
  });
});
