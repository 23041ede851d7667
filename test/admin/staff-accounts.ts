import request from 'supertest';
import { AuditTrail } from '@probity/audit';
import { waitFor } from '@probity/testing';
import { AdminWorld } from '../support/admin-world';
import { csrfOf, signIn } from '../support/tender-http';

/**
 * The staff accounts steps of test/admin.e2e-spec.ts, run in its one app in order (later steps build on earlier ones).
 */
export function staffAccountsTests(world: AdminWorld): void {
  describe('staff accounts', () => {
    let newUserId: string;

    it('is for administrators only: other roles get 403 on the pages and the API', async () => {
      await world.officer.agent.get('/api/v1/staff').expect(403);
      await world.officer.agent.get('/admin/users').expect(403);
      await world.officer.agent
        .post('/api/v1/staff')
        .set('x-csrf-token', world.officer.csrf)
        .send({ name: 'Sneaky', email: 'sneaky@politie.example', role: 'admin' })
        .expect(403);
      await request(world.app.getHttpServer()).get('/api/v1/staff').expect(401);
    });

    it('lists only the administrator’s agency, and shows admins the navigation link', async () => {
      const listed = await world.admin.agent.get('/api/v1/staff').expect(200);
      expect(listed.body.items.map((account: { email: string }) => account.email).sort()).toEqual([
        'admin@politie.example',
        'officer@politie.example',
      ]);
      expect(listed.body.items[0].passwordHash).toBeUndefined();
      const page = await world.admin.agent.get('/admin/users').expect(200);
      expect(page.text).toContain('href="/admin/users"');
      expect(page.text).toContain('Olaf Officer');
      expect(page.text).not.toContain('Astrid Admin');
      const officerPage = await world.officer.agent.get('/cases').expect(200);
      expect(officerPage.text).not.toContain('href="/admin/users"');
    });

    it('refuses invalid input with the reasons, and a second account for the same e-mail with 409', async () => {
      const invalid = await world.admin.agent
        .post('/api/v1/staff')
        .set('x-csrf-token', world.admin.csrf)
        .send({ name: ' ', email: 'not-an-address', role: 'superuser' })
        .expect(400);
      expect(JSON.stringify(invalid.body)).toContain('valid e-mail');
      expect(JSON.stringify(invalid.body)).toContain('Role must be one of');
      await world.admin.agent
        .post('/api/v1/staff')
        .set('x-csrf-token', world.admin.csrf)
        .send({ name: 'Olaf Again', email: 'OFFICER@politie.example', role: 'evaluator' })
        .expect(409);
    });

    it('creates an account; the person chooses a password through the e-mailed one-time link and signs in', async () => {
      const mailsBefore = world.smtp.messages.length;
      const created = await world.admin.agent
        .post('/api/v1/staff')
        .set('x-csrf-token', world.admin.csrf)
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
        world.smtp.messages.slice(mailsBefore).find((m) => m.recipients.includes('eva@politie.example')),
      );
      const link = /http:\/\/probity\.example(\/password-reset\/[A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '');
      expect(mail.parsed.subject).toBe('Choose the password of your new Probity account');
      expect(mail.parsed.text).toContain('has created a staff account for you');
      expect(link).not.toBeNull();
      const visitor = request.agent(world.app.getHttpServer());
      const form = await visitor.get(link![1]).expect(200);
      await visitor
        .post(link![1])
        .type('form')
        .send({ _csrf: csrfOf(form.text), password: 'eva chose this passphrase' })
        .expect(303);
      const eva = await signIn(world.app, 'eva@politie.example', 'eva chose this passphrase');
      await eva.agent.get('/api/v1/cases').expect(200);
    });

    it('changes a role; the change applies to the person’s next request', async () => {
      await world.officer.agent.get('/api/v1/cases').expect(200);
      const changed = await world.admin.agent
        .patch(`/api/v1/staff/${world.officerId}`)
        .set('x-csrf-token', world.admin.csrf)
        .send({ role: 'legal_reviewer' })
        .expect(200);
      expect(changed.body.role).toBe('legal_reviewer');
      const session = await world.officer.agent.get('/api/v1/session').expect(200);
      expect(session.body.user.role).toBe('legal_reviewer');
      await world.admin.agent
        .patch(`/api/v1/staff/${world.officerId}`)
        .set('x-csrf-token', world.admin.csrf)
        .send({ role: 'procurement_officer' })
        .expect(200);
    });

    it('an administrator cannot demote or deactivate themselves (409)', async () => {
      const demoted = await world.admin.agent
        .patch(`/api/v1/staff/${world.adminId}`)
        .set('x-csrf-token', world.admin.csrf)
        .send({ role: 'evaluator' })
        .expect(409);
      expect(demoted.body.message).toContain('own role');
      await world.admin.agent
        .post(`/api/v1/staff/${world.adminId}/deactivate`)
        .set('x-csrf-token', world.admin.csrf)
        .expect(409);
    });

    it('another agency’s accounts do not exist for this administrator (404)', async () => {
      await world.otherAdmin.agent.get(`/api/v1/staff/${world.officerId}`).expect(404);
      await world.otherAdmin.agent
        .patch(`/api/v1/staff/${world.officerId}`)
        .set('x-csrf-token', world.otherAdmin.csrf)
        .send({ role: 'admin' })
        .expect(404);
      await world.otherAdmin.agent
        .post(`/api/v1/staff/${world.officerId}/deactivate`)
        .set('x-csrf-token', world.otherAdmin.csrf)
        .expect(404);
      await world.otherAdmin.agent.get('/api/v1/staff/not-a-uuid').expect(404);
      const page = await world.otherAdmin.agent.get('/admin/users').expect(200);
      const deactivate = await world.otherAdmin.agent
        .post(`/admin/users/${world.officerId}/deactivate`)
        .type('form')
        .send({ _csrf: csrfOf(page.text) });
      expect(deactivate.status).toBe(404);
      await world.officer.agent.get('/api/v1/cases').expect(200);
    });

    it('deactivating ends the person’s sessions and refuses new sign-ins; reactivating lets them back', async () => {
      const eva = await signIn(world.app, 'eva@politie.example', 'eva chose this passphrase');
      const page = await world.admin.agent.get('/admin/users').expect(200);
      const deactivated = await world.admin.agent
        .post(`/admin/users/${newUserId}/deactivate`)
        .type('form')
        .send({ _csrf: csrfOf(page.text) })
        .expect(303);
      expect(deactivated.headers.location).toBe('/admin/users?notice=deactivated');
      await eva.agent.get('/api/v1/cases').expect(401);
      const anonymous = request.agent(world.app.getHttpServer());
      const session = await anonymous.get('/api/v1/session').expect(200);
      await anonymous
        .post('/api/v1/session')
        .set('x-csrf-token', session.body.csrfToken)
        .send({ email: 'eva@politie.example', password: 'eva chose this passphrase' })
        .expect(401);
      const listed = await world.admin.agent.get('/admin/users').expect(200);
      expect(listed.text).toContain('Reactivate Eva Evaluator');

      await world.admin.agent
        .post(`/api/v1/staff/${newUserId}/reactivate`)
        .set('x-csrf-token', world.admin.csrf)
        .expect(200);
      await signIn(world.app, 'eva@politie.example', 'eva chose this passphrase');
    });

    it('creates and re-roles accounts through the page form, with errors shown on the page', async () => {
      const page = await world.admin.agent.get('/admin/users').expect(200);
      const csrf = csrfOf(page.text);
      const refused = await world.admin.agent
        .post('/admin/users')
        .type('form')
        .send({ _csrf: csrf, name: 'Lena Legal', email: 'lena', role: 'legal_reviewer' })
        .expect(422);
      expect(refused.text).toContain('role="alert"');
      expect(refused.text).toContain('Enter a valid e-mail address.');
      expect(refused.text).toContain('value="Lena Legal"');
      await world.admin.agent
        .post('/admin/users')
        .type('form')
        .send({ _csrf: csrf, name: 'Lena Legal', email: 'lena@politie.example', role: 'legal_reviewer' })
        .expect(303)
        .expect('Location', '/admin/users?notice=created');
      const listed = await world.admin.agent.get('/api/v1/staff').expect(200);
      const lena = listed.body.items.find((account: { email: string }) => account.email === 'lena@politie.example');
      expect(lena.role).toBe('legal_reviewer');
      await world.admin.agent
        .post(`/admin/users/${lena.id}/role`)
        .type('form')
        .send({ _csrf: csrf, role: 'evaluator' })
        .expect(303);
      await expect(world.admin.agent.get(`/api/v1/staff/${lena.id}`).then((r) => r.body.role)).resolves.toBe(
        'evaluator',
      );
    });

    it('records every change in the agency’s audit trail with who did it, before and after', async () => {
      const trail = world.app.get(AuditTrail);
      const entries = await trail.list(world.agencyId, { subjectType: 'staff_user', page: 1, pageSize: 100 });
      const actions = entries.items.map((entry) => `${entry.action}:${entry.subjectId}`);
      expect(actions).toEqual(
        expect.arrayContaining([
          `staff.created:${newUserId}`,
          `staff.role_changed:${world.officerId}`,
          `staff.deactivated:${newUserId}`,
          `staff.reactivated:${newUserId}`,
        ]),
      );
      const roleChange = entries.items.find(
        (entry) =>
          entry.action === 'staff.role_changed' &&
          entry.subjectId === world.officerId &&
          JSON.stringify(entry.after).includes('legal_reviewer'),
      );
      expect(roleChange).toMatchObject({ actorId: world.adminId, actorLabel: 'Anouk Admin (admin)' });
      expect(JSON.stringify(roleChange?.before)).toContain('procurement_officer');
      expect(JSON.stringify(roleChange?.after)).toContain('legal_reviewer');
      const otherTrail = await trail.list(world.otherAgencyId, { subjectType: 'staff_user', page: 1, pageSize: 100 });
      expect(otherTrail.items).toEqual([]);
      await expect(trail.verify(world.agencyId)).resolves.toMatchObject({ valid: true });
    });
  });
}
