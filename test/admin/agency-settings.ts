import request from 'supertest';
import { AuditTrail } from '@probity/audit';
import { AdminWorld } from '../support/admin-world';
import { csrfOf } from '../support/tender-http';

/** The agency settings steps of test/admin.e2e-spec.ts: the language of the agency's evaluation dossiers. */
export function agencySettingsTests(world: AdminWorld): void {
  describe('agency settings: the dossier language', () => {
    it('is for administrators only: other roles get 403 on the page and the API', async () => {
      const officer = world.officer.agent;
      const statuses = await Promise.all([
        officer.get('/api/v1/agency/settings'),
        officer.get('/admin/agency'),
        officer.put('/api/v1/agency/settings').set('x-csrf-token', world.officer.csrf).send({ dossierLanguage: 'fr' }),
        request(world.app.getHttpServer()).get('/api/v1/agency/settings'),
      ]).then((responses) => responses.map((response) => response.status));
      expect(statuses).toEqual([403, 403, 403, 401]);
    });

    it('starts in English and refuses anything but en, fr, es or ar with a 400 naming the field', async () => {
      const settings = await world.admin.agent.get('/api/v1/agency/settings').expect(200);
      expect(settings.body).toEqual({ name: 'Politie Nederland (test)', dossierLanguage: 'en' });
      for (const dossierLanguage of ['de', 'FR', 'fr-FR', '', 42, null, ['fr']]) {
        const refused = await world.admin.agent
          .put('/api/v1/agency/settings')
          .set('x-csrf-token', world.admin.csrf)
          .send({ dossierLanguage })
          .expect(400);
        expect(JSON.stringify(refused.body)).toContain('Dossier language must be one of en, fr, es, ar.');
      }
      await world.admin.agent.put('/api/v1/agency/settings').set('x-csrf-token', world.admin.csrf).send({}).expect(400);
      expect((await world.admin.agent.get('/api/v1/agency/settings')).body.dossierLanguage).toBe('en');
    });

    it('sets the administrator’s own agency only, and audits the change', async () => {
      const changed = await world.admin.agent
        .put('/api/v1/agency/settings')
        .set('x-csrf-token', world.admin.csrf)
        .send({ dossierLanguage: 'fr' })
        .expect(200);
      expect(changed.body).toEqual({ name: 'Politie Nederland (test)', dossierLanguage: 'fr' });
      expect((await world.admin.agent.get('/api/v1/agency/settings')).body.dossierLanguage).toBe('fr');
      expect((await world.otherAdmin.agent.get('/api/v1/agency/settings')).body).toEqual({
        name: 'Polisen Sverige (test)',
        dossierLanguage: 'en',
      });
      const entries = await world.app.get(AuditTrail).list(world.agencyId, { page: 1, pageSize: 100 });
      const entry = entries.items.find((item) => item.action === 'agency.dossier-language-set');
      expect(entry).toMatchObject({ actorId: world.adminId, subjectId: world.agencyId });
      expect(entry?.before).toEqual({ dossierLanguage: 'en' });
      expect(entry?.after).toEqual({ dossierLanguage: 'fr' });
    });

    it('offers the setting on /admin/agency, linked from the navigation, with errors on the page', async () => {
      const page = await world.admin.agent.get('/admin/agency').expect(200);
      expect(page.text).toContain('href="/admin/agency"');
      expect(page.text).toContain('<option value="fr" lang="fr" selected>Français</option>');
      const csrf = csrfOf(page.text);
      const refused = await world.admin.agent
        .post('/admin/agency')
        .type('form')
        .send({ _csrf: csrf, dossierLanguage: 'xx' })
        .expect(422);
      expect(refused.text).toContain('role="alert"');
      expect(refused.text).toContain('Dossier language must be one of en, fr, es, ar.');
      await world.admin.agent
        .post('/admin/agency')
        .type('form')
        .send({ _csrf: csrf, dossierLanguage: 'es' })
        .expect(303)
        .expect('Location', '/admin/agency?notice=saved');
      const saved = await world.admin.agent.get('/admin/agency?notice=saved').expect(200);
      expect(saved.text).toContain('Dossiers are now written in Español');
      expect((await world.admin.agent.get('/api/v1/agency/settings')).body.dossierLanguage).toBe('es');
      const officerHome = await world.officer.agent.get('/cases').expect(200);
      expect(officerHome.text).not.toContain('href="/admin/agency"');
    });
  });
}
