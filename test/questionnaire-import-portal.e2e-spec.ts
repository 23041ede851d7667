import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ProviderInvitesService } from '@probity/cases';
import { DEMO_PROVIDERS, demoCase } from '@probity/demo';
import { THIRD_PARTY_ASSESSMENT_JSON } from '@probity/questionnaires';
import { agencyWithStaff, E2eApp, startE2eApp } from './support/e2e-app';
import { signIn } from './support/tender-http';

const PASSWORD = 'import portal passphrase';

/** An agency's imported instrument as a provider meets it in the portal: instructions, order, languages. */
describe('an imported questionnaire in the provider portal', () => {
  let started: E2eApp;
  let app: INestApplication;
  let portalPath: string;

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
    const admin = await signIn(app, 'admin@politia.example', PASSWORD);
    const imported = await admin.agent
      .post('/api/v1/questionnaire-templates')
      .set('x-csrf-token', admin.csrf)
      .send({ key: 'impact-assessment', definition: JSON.parse(THIRD_PARTY_ASSESSMENT_JSON) })
      .expect(201);
    await admin.agent
      .post(`/api/v1/questionnaire-templates/${imported.body.id}/publish`)
      .set('x-csrf-token', admin.csrf)
      .expect(200);
    const officer = await signIn(app, 'officer@politia.example', PASSWORD);
    const input = demoCase(new Date());
    const created = await officer.agent
      .post('/api/v1/cases')
      .set('x-csrf-token', officer.csrf)
      .send({
        ...input,
        questionnaireKey: 'impact-assessment@1',
        questionsDue: input.questionsDue?.toISOString(),
        responsesDue: input.responsesDue.toISOString(),
      })
      .expect(201);
    await officer.agent
      .post(`/api/v1/cases/${created.body.id}/transitions`)
      .set('x-csrf-token', officer.csrf)
      .send({ to: 'open' })
      .expect(200);
    const invited = await app.get(ProviderInvitesService).inviteProvider(created.body.id, DEMO_PROVIDERS[0].invite);
    portalPath = `/portal/${invited.token}`;
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
});
