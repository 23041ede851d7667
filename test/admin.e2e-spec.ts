import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AuditTrail } from '@probity/audit';
import { CasesService } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import {
  createTestDatabase,
  servicesTestConfig,
  SmtpSink,
  startSmtpSink,
  TestDatabase,
  waitFor,
} from '@probity/testing';
import { createApp } from '../apps/api/src/create-app';
import { Agent, csrfOf, signIn } from './support/tender-http';

const PASSWORD = 'admin test passphrase';

/** A small agency questionnaire as SurveyJS Creator would export it, with Probity's principle mapping. */
function plateRecognition(retentionTitle: string) {
  return {
    title: 'Licence plate recognition due diligence',
    pages: [
      {
        name: 'governance',
        title: 'Logging and retention',
        elements: [
          {
            type: 'boolean',
            name: 'lpr_logging',
            title: 'Does the system log every plate read and every search?',
            principle: 'transparency-explainability',
            isRequired: true,
            scoreTrue: 100,
            scoreFalse: 0,
          },
          { type: 'comment', name: 'lpr_retention', title: retentionTitle, principle: 'privacy' },
        ],
      },
    ],
  };
}

/** Agency administration over HTTP: staff accounts and questionnaire templates (real Postgres, SMTP). */
describe('agency administration', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let app: INestApplication;
  let agencyId: string;
  let otherAgencyId: string;
  let admin: { agent: Agent; csrf: string };
  let officer: { agent: Agent; csrf: string };
  let otherAdmin: { agent: Agent; csrf: string };
  let officerId: string;
  let adminId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpSink();
    app = await createApp(
      servicesTestConfig(database.url, { SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'http://probity.example' }),
    );
    await app.init();
    const identity = app.get(IdentityService);
    const agency = await identity.createAgency('Politie Nederland (test)');
    const other = await identity.createAgency('Polisen Sverige (test)');
    agencyId = agency.id;
    otherAgencyId = other.id;
    const people = [
      { agencyId, email: 'admin@politie.example', name: 'Anouk Admin', role: 'admin' as const },
      { agencyId, email: 'officer@politie.example', name: 'Olaf Officer', role: 'procurement_officer' as const },
      { agencyId: otherAgencyId, email: 'admin@polisen.example', name: 'Astrid Admin', role: 'admin' as const },
    ];
    const created = [];
    for (const person of people) created.push(await identity.createStaffUser({ ...person, password: PASSWORD }));
    [adminId, officerId] = [created[0].id, created[1].id];
    admin = await signIn(app, 'admin@politie.example', PASSWORD);
    officer = await signIn(app, 'officer@politie.example', PASSWORD);
    otherAdmin = await signIn(app, 'admin@polisen.example', PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await database?.drop();
  });

  describe('staff accounts', () => {
    let newUserId: string;

    it('is for administrators only: other roles get 403 on the pages and the API', async () => {
      await officer.agent.get('/api/v1/staff').expect(403);
      await officer.agent.get('/admin/users').expect(403);
      await officer.agent
        .post('/api/v1/staff')
        .set('x-csrf-token', officer.csrf)
        .send({ name: 'Sneaky', email: 'sneaky@politie.example', role: 'admin' })
        .expect(403);
      await request(app.getHttpServer()).get('/api/v1/staff').expect(401);
    });

    it('lists only the administrator’s agency, and shows admins the navigation link', async () => {
      const listed = await admin.agent.get('/api/v1/staff').expect(200);
      expect(listed.body.items.map((account: { email: string }) => account.email).sort()).toEqual([
        'admin@politie.example',
        'officer@politie.example',
      ]);
      expect(listed.body.items[0].passwordHash).toBeUndefined();
      const page = await admin.agent.get('/admin/users').expect(200);
      expect(page.text).toContain('href="/admin/users"');
      expect(page.text).toContain('Olaf Officer');
      expect(page.text).not.toContain('Astrid Admin');
      const officerPage = await officer.agent.get('/cases').expect(200);
      expect(officerPage.text).not.toContain('href="/admin/users"');
    });

    it('refuses invalid input with the reasons, and a second account for the same e-mail with 409', async () => {
      const invalid = await admin.agent
        .post('/api/v1/staff')
        .set('x-csrf-token', admin.csrf)
        .send({ name: ' ', email: 'not-an-address', role: 'superuser' })
        .expect(400);
      expect(JSON.stringify(invalid.body)).toContain('valid e-mail');
      expect(JSON.stringify(invalid.body)).toContain('Role must be one of');
      await admin.agent
        .post('/api/v1/staff')
        .set('x-csrf-token', admin.csrf)
        .send({ name: 'Olaf Again', email: 'OFFICER@politie.example', role: 'evaluator' })
        .expect(409);
    });

    it('creates an account; the person chooses a password through the e-mailed one-time link and signs in', async () => {
      const mailsBefore = smtp.messages.length;
      const created = await admin.agent
        .post('/api/v1/staff')
        .set('x-csrf-token', admin.csrf)
        .send({ name: 'Eva Evaluator', email: 'Eva@Politie.example', role: 'evaluator' })
        .expect(201);
      expect(created.body).toMatchObject({
        email: 'eva@politie.example',
        role: 'evaluator',
        active: true,
        passwordEmailSent: true,
      });
      newUserId = created.body.id;
      const mail = await waitFor(async () =>
        smtp.messages.slice(mailsBefore).find((m) => m.recipients.includes('eva@politie.example')),
      );
      const link = /http:\/\/probity\.example(\/password-reset\/[A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '');
      expect(mail.parsed.subject).toBe('Choose the password of your new Probity account');
      expect(mail.parsed.text).toContain('has created a staff account for you');
      expect(link).not.toBeNull();
      const visitor = request.agent(app.getHttpServer());
      const form = await visitor.get(link![1]).expect(200);
      await visitor
        .post(link![1])
        .type('form')
        .send({ _csrf: csrfOf(form.text), password: 'eva chose this passphrase' })
        .expect(303);
      const eva = await signIn(app, 'eva@politie.example', 'eva chose this passphrase');
      await eva.agent.get('/api/v1/cases').expect(200);
    });

    it('changes a role; the change applies to the person’s next request', async () => {
      await officer.agent.get('/api/v1/cases').expect(200);
      const changed = await admin.agent
        .patch(`/api/v1/staff/${officerId}`)
        .set('x-csrf-token', admin.csrf)
        .send({ role: 'legal_reviewer' })
        .expect(200);
      expect(changed.body.role).toBe('legal_reviewer');
      const session = await officer.agent.get('/api/v1/session').expect(200);
      expect(session.body.user.role).toBe('legal_reviewer');
      await admin.agent
        .patch(`/api/v1/staff/${officerId}`)
        .set('x-csrf-token', admin.csrf)
        .send({ role: 'procurement_officer' })
        .expect(200);
    });

    it('an administrator cannot demote or deactivate themselves (409)', async () => {
      const demoted = await admin.agent
        .patch(`/api/v1/staff/${adminId}`)
        .set('x-csrf-token', admin.csrf)
        .send({ role: 'evaluator' })
        .expect(409);
      expect(demoted.body.message).toContain('own role');
      await admin.agent.post(`/api/v1/staff/${adminId}/deactivate`).set('x-csrf-token', admin.csrf).expect(409);
    });

    it('another agency’s accounts do not exist for this administrator (404)', async () => {
      await otherAdmin.agent.get(`/api/v1/staff/${officerId}`).expect(404);
      await otherAdmin.agent
        .patch(`/api/v1/staff/${officerId}`)
        .set('x-csrf-token', otherAdmin.csrf)
        .send({ role: 'admin' })
        .expect(404);
      await otherAdmin.agent
        .post(`/api/v1/staff/${officerId}/deactivate`)
        .set('x-csrf-token', otherAdmin.csrf)
        .expect(404);
      await otherAdmin.agent.get('/api/v1/staff/not-a-uuid').expect(404);
      const page = await otherAdmin.agent.get('/admin/users').expect(200);
      const deactivate = await otherAdmin.agent
        .post(`/admin/users/${officerId}/deactivate`)
        .type('form')
        .send({ _csrf: csrfOf(page.text) });
      expect(deactivate.status).toBe(404);
      await officer.agent.get('/api/v1/cases').expect(200);
    });

    it('deactivating ends the person’s sessions and refuses new sign-ins; reactivating lets them back', async () => {
      const eva = await signIn(app, 'eva@politie.example', 'eva chose this passphrase');
      const page = await admin.agent.get('/admin/users').expect(200);
      const deactivated = await admin.agent
        .post(`/admin/users/${newUserId}/deactivate`)
        .type('form')
        .send({ _csrf: csrfOf(page.text) })
        .expect(303);
      expect(deactivated.headers.location).toBe('/admin/users?notice=deactivated');
      await eva.agent.get('/api/v1/cases').expect(401);
      const anonymous = request.agent(app.getHttpServer());
      const session = await anonymous.get('/api/v1/session').expect(200);
      await anonymous
        .post('/api/v1/session')
        .set('x-csrf-token', session.body.csrfToken)
        .send({ email: 'eva@politie.example', password: 'eva chose this passphrase' })
        .expect(401);
      const listed = await admin.agent.get('/admin/users').expect(200);
      expect(listed.text).toContain('Reactivate Eva Evaluator');

      await admin.agent.post(`/api/v1/staff/${newUserId}/reactivate`).set('x-csrf-token', admin.csrf).expect(200);
      await signIn(app, 'eva@politie.example', 'eva chose this passphrase');
    });

    it('creates and re-roles accounts through the page form, with errors shown on the page', async () => {
      const page = await admin.agent.get('/admin/users').expect(200);
      const csrf = csrfOf(page.text);
      const refused = await admin.agent
        .post('/admin/users')
        .type('form')
        .send({ _csrf: csrf, name: 'Lena Legal', email: 'lena', role: 'legal_reviewer' })
        .expect(422);
      expect(refused.text).toContain('role="alert"');
      expect(refused.text).toContain('Enter a valid e-mail address.');
      expect(refused.text).toContain('value="Lena Legal"');
      await admin.agent
        .post('/admin/users')
        .type('form')
        .send({ _csrf: csrf, name: 'Lena Legal', email: 'lena@politie.example', role: 'legal_reviewer' })
        .expect(303)
        .expect('Location', '/admin/users?notice=created');
      const listed = await admin.agent.get('/api/v1/staff').expect(200);
      const lena = listed.body.items.find((account: { email: string }) => account.email === 'lena@politie.example');
      expect(lena.role).toBe('legal_reviewer');
      await admin.agent
        .post(`/admin/users/${lena.id}/role`)
        .type('form')
        .send({ _csrf: csrf, role: 'evaluator' })
        .expect(303);
      await expect(admin.agent.get(`/api/v1/staff/${lena.id}`).then((r) => r.body.role)).resolves.toBe('evaluator');
    });

    it('records every change in the agency’s audit trail with who did it, before and after', async () => {
      const trail = app.get(AuditTrail);
      const entries = await trail.list(agencyId, { subjectType: 'staff_user', page: 1, pageSize: 100 });
      const actions = entries.items.map((entry) => `${entry.action}:${entry.subjectId}`);
      expect(actions).toEqual(
        expect.arrayContaining([
          `staff.created:${newUserId}`,
          `staff.role_changed:${officerId}`,
          `staff.deactivated:${newUserId}`,
          `staff.reactivated:${newUserId}`,
        ]),
      );
      const roleChange = entries.items.find(
        (entry) =>
          entry.action === 'staff.role_changed' &&
          entry.subjectId === officerId &&
          JSON.stringify(entry.after).includes('legal_reviewer'),
      );
      expect(roleChange).toMatchObject({ actorId: adminId, actorLabel: 'Anouk Admin (admin)' });
      expect(JSON.stringify(roleChange?.before)).toContain('procurement_officer');
      expect(JSON.stringify(roleChange?.after)).toContain('legal_reviewer');
      const otherTrail = await trail.list(otherAgencyId, { subjectType: 'staff_user', page: 1, pageSize: 100 });
      expect(otherTrail.items).toEqual([]);
      await expect(trail.verify(agencyId)).resolves.toMatchObject({ valid: true });
    });
  });

  describe('questionnaire templates', () => {
    let versionOne: string;

    it('is for administrators only', async () => {
      await officer.agent.get('/api/v1/questionnaire-templates').expect(403);
      await officer.agent.get('/admin/questionnaires').expect(403);
    });

    it('refuses a questionnaire with errors, listing each with its JSON path (API and page)', async () => {
      const broken = {
        pages: [
          {
            name: 'p1',
            elements: [
              { type: 'radiogroup', name: 'q1', principle: 'astrology', choices: [{ value: 'a', score: 120 }] },
              { type: 'hologram', name: 'q1' },
            ],
          },
        ],
      };
      const refused = await admin.agent
        .post('/api/v1/questionnaire-templates')
        .set('x-csrf-token', admin.csrf)
        .send({ key: 'broken', definition: broken })
        .expect(422);
      const paths = (refused.body.problems as Array<{ path: string }>).map((problem) => problem.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          '$.pages[0].elements[0].principle',
          '$.pages[0].elements[0].choices[0].score',
          '$.pages[0].elements[1].type',
          '$.pages[0].elements[1].name',
        ]),
      );

      const page = await admin.agent.get('/admin/questionnaires').expect(200);
      const shown = await admin.agent
        .post(`/admin/questionnaires?_csrf=${encodeURIComponent(csrfOf(page.text))}`)
        .field('key', 'broken')
        .field('definition', JSON.stringify(broken))
        .expect(422);
      expect(shown.text).toContain('role="alert"');
      expect(shown.text).toContain('<code>$.pages[0].elements[1].type</code>: unknown question type');
      expect(shown.text).toContain('is not a Toolkit instrumental principle');
      const notJson = await admin.agent
        .post(`/admin/questionnaires?_csrf=${encodeURIComponent(csrfOf(page.text))}`)
        .field('key', 'broken')
        .attach('file', Buffer.from('{ "pages": [ '), { filename: 'broken.json', contentType: 'application/json' })
        .expect(422);
      expect(notJson.text).toContain('not valid JSON');
      await admin.agent
        .post('/api/v1/questionnaire-templates')
        .set('x-csrf-token', admin.csrf)
        .send({ key: 'responsible-ai-light', definition: plateRecognition('How long are reads kept?') })
        .expect(409);
    });

    it('imports a file as a draft, previews it with the portal partials, and publishes it', async () => {
      const page = await admin.agent.get('/admin/questionnaires').expect(200);
      const imported = await admin.agent
        .post(`/admin/questionnaires?_csrf=${encodeURIComponent(csrfOf(page.text))}`)
        .field('key', 'plate-recognition')
        .attach('file', Buffer.from(JSON.stringify(plateRecognition('How long are plate reads kept?'))), {
          filename: 'plates.json',
          contentType: 'application/json',
        })
        .expect(303);
      expect(imported.headers.location).toMatch(/^\/admin\/questionnaires\/[0-9a-f-]{36}\?notice=imported$/);
      versionOne = imported.headers.location.split('/')[3].split('?')[0];
      const preview = await admin.agent.get(`/admin/questionnaires/${versionOne}`).expect(200);
      expect(preview.text).toContain('Licence plate recognition due diligence');
      expect(preview.text).toContain('Does the system log every plate read and every search?');
      expect(preview.text).toContain('<span class="required">(required)</span>');
      expect(preview.text).toContain('Publish version 1');
      const pdf = await admin.agent
        .get(`/admin/questionnaires/${versionOne}/blank.pdf`)
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200)
        .expect('Content-Type', 'application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      await otherAdmin.agent.get(`/admin/questionnaires/${versionOne}/blank.pdf`).expect(404);

      // A draft is not offered for cases.
      const draftForm = await officer.agent.get('/cases/new').expect(200);
      expect(draftForm.text).not.toContain('plate-recognition@1');

      await admin.agent
        .post(`/admin/questionnaires/${versionOne}/publish`)
        .type('form')
        .send({ _csrf: csrfOf(preview.text) })
        .expect(303)
        .expect('Location', `/admin/questionnaires/${versionOne}?notice=published`);
      const published = await admin.agent.get(`/api/v1/questionnaire-templates/${versionOne}`).expect(200);
      expect(published.body).toMatchObject({ key: 'plate-recognition', version: 1, status: 'published' });
    });

    it('a published version is immutable (409); importing the key again starts version 2', async () => {
      const changed = await admin.agent
        .put(`/api/v1/questionnaire-templates/${versionOne}`)
        .set('x-csrf-token', admin.csrf)
        .send({ definition: plateRecognition('Changed after publication?') })
        .expect(409);
      expect(changed.body.message).toContain('is published and cannot change');
      await admin.agent
        .post(`/api/v1/questionnaire-templates/${versionOne}/publish`)
        .set('x-csrf-token', admin.csrf)
        .expect(409);
      const next = await admin.agent
        .post('/api/v1/questionnaire-templates')
        .set('x-csrf-token', admin.csrf)
        .send({ key: 'plate-recognition', definition: plateRecognition('For how many days are plate reads kept?') })
        .expect(201);
      expect(next.body).toMatchObject({ key: 'plate-recognition', version: 2, status: 'draft' });
      const draftEdit = await admin.agent
        .put(`/api/v1/questionnaire-templates/${next.body.id}`)
        .set('x-csrf-token', admin.csrf)
        .send({ definition: plateRecognition('For how many days at most are plate reads kept?') })
        .expect(200);
      expect(draftEdit.body).toMatchObject({ id: next.body.id, version: 2, status: 'draft' });
      const original = await admin.agent.get(`/api/v1/questionnaire-templates/${versionOne}`).expect(200);
      expect(JSON.stringify(original.body.definition)).toContain('How long are plate reads kept?');
    });

    it('another agency cannot see or use the templates (404, unknown questionnaire)', async () => {
      await otherAdmin.agent.get(`/api/v1/questionnaire-templates/${versionOne}`).expect(404);
      await otherAdmin.agent.get(`/admin/questionnaires/${versionOne}`).expect(404);
      await otherAdmin.agent
        .post(`/api/v1/questionnaire-templates/${versionOne}/publish`)
        .set('x-csrf-token', otherAdmin.csrf)
        .expect(404);
      const listed = await otherAdmin.agent.get('/api/v1/questionnaire-templates').expect(200);
      expect(listed.body.items).toEqual([]);
      const input = demoCase(new Date());
      await otherAdmin.agent
        .post('/api/v1/cases')
        .set('x-csrf-token', otherAdmin.csrf)
        .send({
          ...input,
          reference: 'SE-LPR-1',
          questionsDue: undefined,
          responsesDue: input.responsesDue.toISOString(),
          questionnaireKey: 'plate-recognition@1',
        })
        .expect(422);
    });

    it('an officer raises a case from the published version; it keeps that version', async () => {
      const form = await officer.agent.get('/cases/new').expect(200);
      expect(form.text).toContain(
        '<option value="plate-recognition@1">Licence plate recognition due diligence (version 1)</option>',
      );
      const input = demoCase(new Date());
      const created = await officer.agent
        .post('/api/v1/cases')
        .set('x-csrf-token', officer.csrf)
        .send({
          ...input,
          reference: 'NL-LPR-1',
          questionsDue: input.questionsDue?.toISOString(),
          responsesDue: input.responsesDue.toISOString(),
          questionnaireKey: 'plate-recognition@1',
        })
        .expect(201);
      expect(created.body).toMatchObject({ questionnaireKey: 'plate-recognition', questionnaireVersion: 1 });
      await officer.agent
        .post(`/api/v1/cases/${created.body.id}/transitions`)
        .set('x-csrf-token', officer.csrf)
        .send({ to: 'open' })
        .expect(200);

      // Version 2 is published later; the open case still asks version 1's questions.
      const drafts = await admin.agent.get('/api/v1/questionnaire-templates').expect(200);
      const versionTwo = drafts.body.items.find((item: { version: number }) => item.version === 2);
      await admin.agent
        .post(`/api/v1/questionnaire-templates/${versionTwo.id}/publish`)
        .set('x-csrf-token', admin.csrf)
        .expect(200);
      const detail = await officer.agent.get(`/cases/${created.body.id}`).expect(200);
      expect(detail.text).toContain('NL-LPR-1');
      const trail = app.get(AuditTrail);
      const entries = await trail.list(agencyId, { subjectType: 'questionnaire_template', page: 1, pageSize: 100 });
      expect(entries.items.map((entry) => entry.action)).toEqual(
        expect.arrayContaining([
          'questionnaire_template.imported',
          'questionnaire_template.draft_replaced',
          'questionnaire_template.published',
        ]),
      );
      const stored = await app.get(CasesService).caseOfAgency(agencyId, created.body.id);
      expect(JSON.stringify(stored.questionnaireDefinition)).toContain('How long are plate reads kept?');
      expect(JSON.stringify(stored.questionnaireDefinition)).not.toContain('For how many days');
    });
  });
});
