import request from 'supertest';
import { AuditTrail } from '@probity/audit';
import { CasesService } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { waitFor } from '@probity/testing';
import { agencyWithStaff, E2eApp, startE2eApp } from './support/e2e-app';
import { failedEvaluationStart } from './support/failed-job';
import { Agent, csrfOf, signIn } from './support/tender-http';

const PASSWORD = 'background jobs passphrase';

/**
 * The Background jobs page and its JSON twin on real Redis: an agency's failed job is listed and
 * retryable for its own administrator only; another agency's administrator neither sees nor retries it.
 */
describe('background jobs of an agency', () => {
  let stack: E2eApp;
  let adminA: { agent: Agent; csrf: string };
  let adminB: { agent: Agent; csrf: string };
  let officerA: { agent: Agent; csrf: string };
  let caseA: { id: string; reference: string };
  let jobId: string;
  let agencyA: string;

  beforeAll(async () => {
    stack = await startE2eApp();
    const { app, config } = stack;
    agencyA = (
      await agencyWithStaff(
        app,
        'Agency A (test)',
        [
          { email: 'admin@a.example', name: 'Ada Admin', role: 'admin' },
          { email: 'officer@a.example', name: 'Otto Officer', role: 'procurement_officer' },
        ],
        PASSWORD,
      )
    ).agencyId;
    await agencyWithStaff(
      app,
      'Agency B (test)',
      [{ email: 'admin@b.example', name: 'Bo Admin', role: 'admin' }],
      PASSWORD,
    );
    const created = await app.get(CasesService).createCase(agencyA, { ...demoCase(new Date()), reference: 'JOBS-A-1' });
    caseA = { id: created.id, reference: created.reference };

    jobId = await failedEvaluationStart(
      app,
      config,
      caseA.id,
      'Error: the scorer could not read the frozen questionnaire',
    );

    adminA = await signIn(app, 'admin@a.example', PASSWORD);
    adminB = await signIn(app, 'admin@b.example', PASSWORD);
    officerA = await signIn(app, 'officer@a.example', PASSWORD);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lists the failed job, its case and a readable reason for the agency’s administrator', async () => {
    const listed = await adminA.agent.get('/api/v1/agency/jobs').expect(200);
    expect(listed.body.failed).toEqual([
      expect.objectContaining({
        queue: 'scoring',
        id: jobId,
        name: 'evaluation.start',
        caseReferences: ['JOBS-A-1'],
        attempts: 1,
        reason: 'The scorer could not read the frozen questionnaire.',
      }),
    ]);
    const scoring = listed.body.queues.find((queue: { queue: string }) => queue.queue === 'scoring');
    expect(scoring.counts.failed).toBe(1);

    const page = await adminA.agent.get('/admin/jobs').expect(200);
    expect(page.text).toContain('JOBS-A-1');
    expect(page.text).toContain('The scorer could not read the frozen questionnaire.');
    expect(page.text).toContain(`action="/admin/jobs/scoring/${jobId}/retry"`);
    expect(page.text).toContain('href="/admin/jobs"');
  });

  it('hides it from another agency’s administrator: absent from the list, 404 on retry', async () => {
    const listed = await adminB.agent.get('/api/v1/agency/jobs').expect(200);
    expect(listed.body.failed).toEqual([]);
    const page = await adminB.agent.get('/admin/jobs').expect(200);
    expect(page.text).not.toContain('JOBS-A-1');
    expect(page.text).toContain('No job of your agency has failed.');

    await adminB.agent.post(`/api/v1/agency/jobs/scoring/${jobId}/retry`).set('x-csrf-token', adminB.csrf).expect(404);
    await adminB.agent
      .post(`/admin/jobs/scoring/${jobId}/retry`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), confirmed: 'yes' })
      .expect(404);
    const stillFailed = await adminA.agent.get('/api/v1/agency/jobs').expect(200);
    expect(stillFailed.body.failed.map((job: { id: string }) => job.id)).toEqual([jobId]);
  });

  it('is for administrators only, and refuses a retry without the CSRF token', async () => {
    await officerA.agent.get('/admin/jobs').expect(403);
    await officerA.agent.get('/api/v1/agency/jobs').expect(403);
    await officerA.agent
      .post(`/api/v1/agency/jobs/scoring/${jobId}/retry`)
      .set('x-csrf-token', officerA.csrf)
      .expect(403);
    await request(stack.app.getHttpServer()).get('/api/v1/agency/jobs').expect(401);
    await adminA.agent.post(`/api/v1/agency/jobs/scoring/${jobId}/retry`).expect(403);
  });

  it('asks for confirmation, then queues the job again and records who did it', async () => {
    const page = await adminA.agent.get('/admin/jobs').expect(200);
    const csrf = csrfOf(page.text);
    const confirm = await adminA.agent
      .post(`/admin/jobs/scoring/${jobId}/retry`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(200);
    expect(confirm.text).toContain('Retry “Starting the evaluation for JOBS-A-1”?');
    expect(confirm.text).toContain('name="confirmed" value="yes"');

    await adminA.agent
      .post(`/admin/jobs/scoring/${jobId}/retry`)
      .type('form')
      .send({ _csrf: csrf, confirmed: 'yes' })
      .expect(303)
      .expect('Location', '/admin/jobs?notice=retried');

    const after = await adminA.agent.get('/api/v1/agency/jobs').expect(200);
    expect(after.body.failed).toEqual([]);
    const scoring = after.body.queues.find((queue: { queue: string }) => queue.queue === 'scoring');
    expect(scoring.counts.waiting).toBe(1);
    expect(scoring.counts.failed).toBe(0);

    await adminA.agent.post(`/api/v1/agency/jobs/scoring/${jobId}/retry`).set('x-csrf-token', adminA.csrf).expect(404);
    // Chain appends may lag the request; the entry is there once chained.
    const audited = await waitFor(async () => {
      const { items } = await stack.app
        .get(AuditTrail)
        .list(agencyA, { subjectType: 'background_job', subjectId: `scoring/${jobId}`, page: 1, pageSize: 10 });
      return items.length ? items : null;
    });
    expect(audited.map((entry) => entry.action)).toEqual(['job.retried']);
  });
});
