import { AuditTrail } from '@probity/audit';
import { CasesService } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { AdminWorld } from '../support/admin-world';
import { binary } from '../support/pdf';
import { csrfOf } from '../support/tender-http';

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

/**
 * The questionnaire templates steps of test/admin.e2e-spec.ts, run in its one app in order (later steps build on earlier ones).
 */
export function questionnaireTemplatesTests(world: AdminWorld): void {
  describe('questionnaire templates', () => {
    let versionOne: string;

    it('is for administrators only', async () => {
      await world.officer.agent.get('/api/v1/questionnaire-templates').expect(403);
      await world.officer.agent.get('/admin/questionnaires').expect(403);
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
      const refused = await world.admin.agent
        .post('/api/v1/questionnaire-templates')
        .set('x-csrf-token', world.admin.csrf)
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

      const page = await world.admin.agent.get('/admin/questionnaires').expect(200);
      const shown = await world.admin.agent
        .post(`/admin/questionnaires?_csrf=${encodeURIComponent(csrfOf(page.text))}`)
        .field('key', 'broken')
        .field('definition', JSON.stringify(broken))
        .expect(422);
      expect(shown.text).toContain('role="alert"');
      expect(shown.text).toContain('<code>$.pages[0].elements[1].type</code>: unknown question type');
      expect(shown.text).toContain('is not a Toolkit instrumental principle');
      const notJson = await world.admin.agent
        .post(`/admin/questionnaires?_csrf=${encodeURIComponent(csrfOf(page.text))}`)
        .field('key', 'broken')
        .attach('file', Buffer.from('{ "pages": [ '), { filename: 'broken.json', contentType: 'application/json' })
        .expect(422);
      expect(notJson.text).toContain('not valid JSON');
      await world.admin.agent
        .post('/api/v1/questionnaire-templates')
        .set('x-csrf-token', world.admin.csrf)
        .send({ key: 'responsible-ai-light', definition: plateRecognition('How long are reads kept?') })
        .expect(409);
    });

    it('imports a file as a draft, previews it with the portal partials, and publishes it', async () => {
      const page = await world.admin.agent.get('/admin/questionnaires').expect(200);
      const imported = await world.admin.agent
        .post(`/admin/questionnaires?_csrf=${encodeURIComponent(csrfOf(page.text))}`)
        .field('key', 'plate-recognition')
        .attach('file', Buffer.from(JSON.stringify(plateRecognition('How long are plate reads kept?'))), {
          filename: 'plates.json',
          contentType: 'application/json',
        })
        .expect(303);
      expect(imported.headers.location).toMatch(/^\/admin\/questionnaires\/[0-9a-f-]{36}\?notice=imported$/);
      versionOne = imported.headers.location.split('/')[3].split('?')[0];
      const preview = await world.admin.agent.get(`/admin/questionnaires/${versionOne}`).expect(200);
      expect(preview.text).toContain('Licence plate recognition due diligence');
      expect(preview.text).toContain('Does the system log every plate read and every search?');
      expect(preview.text).toContain('<span class="required">(required)</span>');
      expect(preview.text).toContain('Publish version 1');
      const pdf = await world.admin.agent
        .get(`/admin/questionnaires/${versionOne}/blank.pdf`)
        .buffer(true)
        .parse(binary)
        .expect(200)
        .expect('Content-Type', 'application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      await world.otherAdmin.agent.get(`/admin/questionnaires/${versionOne}/blank.pdf`).expect(404);

      // A draft is not offered for cases.
      const draftForm = await world.officer.agent.get('/cases/new').expect(200);
      expect(draftForm.text).not.toContain('plate-recognition@1');

      await world.admin.agent
        .post(`/admin/questionnaires/${versionOne}/publish`)
        .type('form')
        .send({ _csrf: csrfOf(preview.text) })
        .expect(303)
        .expect('Location', `/admin/questionnaires/${versionOne}?notice=published`);
      const published = await world.admin.agent.get(`/api/v1/questionnaire-templates/${versionOne}`).expect(200);
      expect(published.body).toMatchObject({ key: 'plate-recognition', version: 1, status: 'published' });
    });

    it('a published version is immutable (409); importing the key again starts version 2', async () => {
      const changed = await world.admin.agent
        .put(`/api/v1/questionnaire-templates/${versionOne}`)
        .set('x-csrf-token', world.admin.csrf)
        .send({ definition: plateRecognition('Changed after publication?') })
        .expect(409);
      expect(changed.body.message).toContain('is published and cannot change');
      await world.admin.agent
        .post(`/api/v1/questionnaire-templates/${versionOne}/publish`)
        .set('x-csrf-token', world.admin.csrf)
        .expect(409);
      const next = await world.admin.agent
        .post('/api/v1/questionnaire-templates')
        .set('x-csrf-token', world.admin.csrf)
        .send({ key: 'plate-recognition', definition: plateRecognition('For how many days are plate reads kept?') })
        .expect(201);
      expect(next.body).toMatchObject({ key: 'plate-recognition', version: 2, status: 'draft' });
      const draftEdit = await world.admin.agent
        .put(`/api/v1/questionnaire-templates/${next.body.id}`)
        .set('x-csrf-token', world.admin.csrf)
        .send({ definition: plateRecognition('For how many days at most are plate reads kept?') })
        .expect(200);
      expect(draftEdit.body).toMatchObject({ id: next.body.id, version: 2, status: 'draft' });
      const original = await world.admin.agent.get(`/api/v1/questionnaire-templates/${versionOne}`).expect(200);
      expect(JSON.stringify(original.body.definition)).toContain('How long are plate reads kept?');
    });

    it('another agency cannot see or use the templates (404, unknown questionnaire)', async () => {
      await world.otherAdmin.agent.get(`/api/v1/questionnaire-templates/${versionOne}`).expect(404);
      await world.otherAdmin.agent.get(`/admin/questionnaires/${versionOne}`).expect(404);
      await world.otherAdmin.agent
        .post(`/api/v1/questionnaire-templates/${versionOne}/publish`)
        .set('x-csrf-token', world.otherAdmin.csrf)
        .expect(404);
      const listed = await world.otherAdmin.agent.get('/api/v1/questionnaire-templates').expect(200);
      expect(listed.body.items).toEqual([]);
      const input = demoCase(new Date());
      await world.otherAdmin.agent
        .post('/api/v1/cases')
        .set('x-csrf-token', world.otherAdmin.csrf)
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
      const form = await world.officer.agent.get('/cases/new').expect(200);
      expect(form.text).toContain(
        '<option value="plate-recognition@1">Licence plate recognition due diligence (version 1)</option>',
      );
      const input = demoCase(new Date());
      const created = await world.officer.agent
        .post('/api/v1/cases')
        .set('x-csrf-token', world.officer.csrf)
        .send({
          ...input,
          reference: 'NL-LPR-1',
          questionsDue: input.questionsDue?.toISOString(),
          responsesDue: input.responsesDue.toISOString(),
          questionnaireKey: 'plate-recognition@1',
        })
        .expect(201);
      expect(created.body).toMatchObject({ questionnaireKey: 'plate-recognition', questionnaireVersion: 1 });
      await world.officer.agent
        .post(`/api/v1/cases/${created.body.id}/transitions`)
        .set('x-csrf-token', world.officer.csrf)
        .send({ to: 'open' })
        .expect(200);

      // Version 2 is published later; the open case still asks version 1's questions.
      const drafts = await world.admin.agent.get('/api/v1/questionnaire-templates').expect(200);
      const versionTwo = drafts.body.items.find((item: { version: number }) => item.version === 2);
      await world.admin.agent
        .post(`/api/v1/questionnaire-templates/${versionTwo.id}/publish`)
        .set('x-csrf-token', world.admin.csrf)
        .expect(200);
      const detail = await world.officer.agent.get(`/cases/${created.body.id}`).expect(200);
      expect(detail.text).toContain('NL-LPR-1');
      const trail = world.app.get(AuditTrail);
      const entries = await trail.list(world.agencyId, {
        subjectType: 'questionnaire_template',
        page: 1,
        pageSize: 100,
      });
      expect(entries.items.map((entry) => entry.action)).toEqual(
        expect.arrayContaining([
          'questionnaire_template.imported',
          'questionnaire_template.draft_replaced',
          'questionnaire_template.published',
        ]),
      );
      const stored = await world.app.get(CasesService).caseOfAgency(world.agencyId, created.body.id);
      expect(JSON.stringify(stored.questionnaireDefinition)).toContain('How long are plate reads kept?');
      expect(JSON.stringify(stored.questionnaireDefinition)).not.toContain('For how many days');
    });
  });
}
