import { INestApplication } from '@nestjs/common';
import { agencyWithStaff } from './support/e2e-app';
import { BUILT_IN_QUESTIONNAIRES, contentHash, THIRD_PARTY_ASSESSMENT_JSON } from '@probity/questionnaires';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { createApp } from '../apps/api/src/create-app';
import { Agent, csrfOf, signIn } from './support/tender-http';

const PASSWORD = 'import test passphrase';

interface Warnings {
  count: number;
  items: Array<{ path: string; message: string }>;
}

/** An agency's own SurveyJS instrument through the API and the import pages (real Postgres). */
describe('questionnaire import keeps the instrument whole', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let admin: { agent: Agent; csrf: string };
  let importedId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp(servicesTestConfig(database.url, { PUBLIC_BASE_URL: 'http://probity.example' }));
    await app.init();
    await agencyWithStaff(
      app,
      'Garda Síochána (import test)',
      [{ email: 'admin@garda.example', name: 'Aoife Admin', role: 'admin' }],
      PASSWORD,
    );
    admin = await signIn(app, 'admin@garda.example', PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const post = (body: unknown) =>
    admin.agent
      .post('/api/v1/questionnaire-templates')
      .set('x-csrf-token', admin.csrf)
      .send(body as object);

  it('imports a third-party questionnaire whose html blocks share a name, returning every warning with its path', async () => {
    const imported = await post({
      key: 'impact-assessment',
      definition: JSON.parse(THIRD_PARTY_ASSESSMENT_JSON),
    }).expect(201);
    importedId = imported.body.id;
    const warnings = imported.body.warnings as Warnings;
    expect(warnings.count).toBe(warnings.items.length);
    expect(warnings.items).toContainEqual({
      path: '$.pages[1].elements[0].name',
      message: expect.stringMatching(/^duplicate name "instructions" \(also at \$\.pages\[0\]\.elements\[0\]\)/),
    });
    // Its questions map to no Toolkit principle: said, per question, not silently.
    expect(warnings.items.filter((warning) => /maps to no principle/.test(warning.message))).toHaveLength(6);
    const read = await admin.agent.get(`/api/v1/questionnaire-templates/${importedId}`).expect(200);
    expect(read.body.warnings).toEqual(warnings);
  });

  it('exports the questionnaire as imported, unknown properties and html kept (up to key order)', async () => {
    const exported = await admin.agent
      .get(`/api/v1/questionnaire-templates/${importedId}/export`)
      .expect(200)
      .expect('Content-Type', /application\/json/);
    expect(JSON.parse(exported.text)).toEqual(JSON.parse(THIRD_PARTY_ASSESSMENT_JSON));
  });

  it('refuses what it cannot run, naming the feature, with the warnings beside the errors', async () => {
    const definition = {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'text', name: 'a' },
            { type: 'matrixdynamic', name: 'systems' },
          ],
        },
      ],
      triggers: [{ type: 'complete', expression: "{a} = 'x'" }],
    };
    const refused = await post({ key: 'refused-one', definition }).expect(422);
    expect(refused.body.problems).toEqual([
      {
        path: '$.pages[0].elements[1].type',
        message: expect.stringMatching(/^Question "systems" is a "matrixdynamic" .*; use a "matrix" with fixed rows/),
      },
      { path: '$.triggers', message: expect.stringMatching(/^"triggers": Probity does not run SurveyJS triggers/) },
    ]);
    expect(refused.body.warnings).toEqual({
      count: 2,
      items: [
        { path: '$.pages[0].elements[0]', message: expect.stringMatching(/maps to no principle/) },
        { path: '$.pages[0].elements[1]', message: expect.stringMatching(/maps to no principle/) },
      ],
    });
    const page = await admin.agent.get('/admin/questionnaires').expect(200);
    const shown = await admin.agent
      .post(`/admin/questionnaires?_csrf=${encodeURIComponent(csrfOf(page.text))}`)
      .field('key', 'refused-one')
      .field('definition', JSON.stringify(definition))
      .expect(422);
    expect(shown.text).toContain(
      '<code>$.triggers</code>: &quot;triggers&quot;: Probity does not run SurveyJS triggers',
    );
    expect(shown.text).toContain('2 warnings');
    expect(shown.text).toContain('<code>$.pages[0].elements[0]</code>: &quot;a&quot; maps to no principle');
  });

  it('previews every page with its html blocks, sanitised, its warnings, and a language switch', async () => {
    const page = await admin.agent.get('/admin/questionnaires').expect(200);
    const imported = await admin.agent
      .post(`/admin/questionnaires?_csrf=${encodeURIComponent(csrfOf(page.text))}`)
      .field('key', 'impact-assessment')
      .attach('file', Buffer.from(THIRD_PARTY_ASSESSMENT_JSON), {
        filename: 'aia.json',
        contentType: 'application/json',
      })
      .expect(303);
    const id = imported.headers.location.split('/')[3].split('?')[0];
    const english = await admin.agent.get(`/admin/questionnaires/${id}`).expect(200);
    expect(english.text).toContain(
      '<div class="questionnaire-html" id="html-0-0"><h3>Before you start</h3><p>Answer <strong>every</strong>',
    );
    expect(english.text).not.toContain("alert('x')");
    expect(english.text).not.toContain('steal()');
    expect(english.text).toMatch(/<h3 id="preview-warnings-title">\d+ warnings<\/h3>/);
    expect(english.text).toContain('<code>$.pages[1].elements[0].name</code>: duplicate name &quot;instructions&quot;');
    // Every page, each question once, the hidden-title one still labelled for screen readers.
    expect(english.text).toContain('About the project');
    expect(english.text).toContain('Mitigation');
    expect(english.text).toContain('<span class="visually-hidden">Does a person review every decision?</span>');
    expect(english.text).toContain('<h2 id="scoring-model-title">Scoring model</h2>');
    expect(english.text).toContain('href="/admin/questionnaires/' + id + '?lang=fr"');

    const french = await admin.agent.get(`/admin/questionnaires/${id}?lang=fr`).expect(200);
    expect(french.text).toContain('<h3>Avant de commencer</h3>');
    expect(french.text).toContain('Que décide ou recommande le système ?');
    expect(french.text).toContain('aria-current="page">Français</a>');
    // Choices in French alphabetical order (choicesOrder: asc).
    const order = ['Accès à une prestation', 'Alertes au personnel', 'Tri des dossiers'].map((label) =>
      french.text.indexOf(label),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const spanish = await admin.agent.get(`/admin/questionnaires/${id}?lang=es`).expect(200);
    expect(spanish.text).toContain('This questionnaire has no text in this language');
  });

  it.each(BUILT_IN_QUESTIONNAIRES.map((builtIn) => [builtIn.key, builtIn] as const))(
    'exporting %s and importing it again gives the same content hash',
    async (key, builtIn) => {
      const imported = await post({ key: `${key}-copy`, definition: builtIn.definition }).expect(201);
      expect(imported.body.contentHash).toBe(contentHash(builtIn.definition));
      const exported = await admin.agent.get(`/api/v1/questionnaire-templates/${imported.body.id}/export`).expect(200);
      const again = await post({ key: `${key}-copy`, definition: JSON.parse(exported.text) }).expect(201);
      expect(again.body.contentHash).toBe(contentHash(builtIn.definition));
    },
  );
});
