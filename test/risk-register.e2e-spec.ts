import { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEMO_AGENCY_NAME } from '@probity/demo';
import { IdentityService, StaffRole } from '@probity/identity';
import { createTestDatabase, servicesTestConfig, TestDatabase, waitFor } from '@probity/testing';
import { createApp } from '../apps/api/src/create-app';
import { caseInLegalReview } from './support/dossier-case';
import { signInHeaders } from './support/tender-http';
import { startTestWorker } from './support/e2e-app';

const PASSWORD = 'risk register passphrase';

interface RegisterBody {
  appetite: number;
  recommendedProviderId: string;
  providers: Array<{
    providerId: string;
    providerName: string;
    rows: Array<{ key: string; source: { questions: unknown[] } }>;
  }>;
  blocking: Array<{ key: string; residual: number }>;
}

function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('the risk register over HTTP (api + worker, real PostgreSQL, Redis and Chromium)', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let caseId: string;
  const sessions: Record<string, { Cookie: string; 'x-csrf-token': string }> = {};
  const as = (who: string) => sessions[who];
  const server = () => app.getHttpServer();
  const register = async (who = 'officer'): Promise<RegisterBody> =>
    (await request(server()).get(`/api/v1/cases/${caseId}/risk-register`).set(as(who)).expect(200)).body;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = servicesTestConfig(database.url);
    worker = await startTestWorker(config);
    app = (await createApp(config)) as NestExpressApplication;
    await app.init();
    const identity = app.get(IdentityService);
    const agency = await identity.findOrCreateAgency(DEMO_AGENCY_NAME);
    const ids: Record<string, string> = {};
    const staff: Array<[string, StaffRole, string]> = [
      ['officer', 'procurement_officer', 'Olivia Officer'],
      ['lena', 'legal_reviewer', 'Lena Legal'],
      ['evaluator', 'evaluator', 'Eve Evaluator'],
    ];
    for (const [who, role, name] of staff) {
      const email = `${who}@risk.example`;
      ids[who] = (await identity.createStaffUser({ agencyId: agency.id, email, name, role, password: PASSWORD })).id;
      sessions[who] = await signInHeaders(app, email, PASSWORD);
    }
    ({ caseId } = await caseInLegalReview(
      app,
      agency.id,
      [
        { userId: ids.evaluator, role: 'evaluator' },
        { userId: ids.lena, role: 'legal_reviewer' },
      ],
      `RISK-${randomUUID().slice(0, 8)}`,
    ));
  });

  afterAll(async () => {
    await app?.close();
    await worker?.close();
    await database?.drop();
  });

  it('proposes at least six risks traceable to answers for every ranked provider; evaluators may not see it', async () => {
    const body = await register();
    expect(body.appetite).toBe(12);
    expect(body.providers.length).toBe(2);
    for (const provider of body.providers) {
      expect(provider.rows.length).toBeGreaterThanOrEqual(6);
      expect(provider.rows.filter((row) => row.source.questions.length > 0).length).toBeGreaterThanOrEqual(6);
    }
    await request(server()).get(`/api/v1/cases/${caseId}/risk-register`).set(as('evaluator')).expect(403);
    const page = await request(server()).get(`/cases/${caseId}/risk-register`).set(as('officer')).expect(200);
    expect(page.text).toContain('Not an award criterion');
    expect(page.text).toContain('Download the register (XLSX)');
  });

  it('downloads an XLSX that ExcelJS opens, one sheet per ranked provider with its rows', async () => {
    const body = await register();
    const res = await request(server())
      .get(`/api/v1/cases/${caseId}/risk-register/xlsx`)
      .set(as('lena'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.rowCount)).toEqual([
      3,
      ...body.providers.map((provider) => provider.rows.length + 1),
    ]);
  });

  it('blocks approval on a residual risk above the appetite until a reviewer accepts it; then approval passes', async () => {
    const { recommendedProviderId } = await register();
    const risk = {
      providerId: recommendedProviderId,
      principle: 'accountability',
      description: 'Only the provider can operate the system',
      likelihood: { value: 4, reason: 'single supplier' },
      impact: { value: 4, reason: 'the service stops for everyone' },
      mitigation: { kind: 'agency-measure', text: 'An exit plan' },
      owner: 'Procurement officer',
    };
    await request(server())
      .post(`/api/v1/cases/${caseId}/risk-register/rows`)
      .set(as('officer'))
      .send(risk)
      .expect(400);
    const added = await request(server())
      .post(`/api/v1/cases/${caseId}/risk-register/rows`)
      .set(as('officer'))
      .send({ ...risk, reason: 'Found in the contract talks' })
      .expect(201);
    expect(added.body.residual).toBe(16);

    await request(server()).post(`/api/v1/cases/${caseId}/dossiers`).set(as('officer')).expect(202);
    const version = await waitFor(
      async () => {
        const list = (await request(server()).get(`/api/v1/cases/${caseId}/dossiers`).set(as('officer')))
          .body as Array<{
          id: string;
          current: boolean;
          status: string;
          pdfSha256: string | null;
        }>;
        return list.find((v) => v.current && v.status === 'rendered' && v.pdfSha256) ?? null;
      },
      120_000,
      250,
    );
    const approve = { decision: 'approve', pdfSha256: version.pdfSha256 };
    const refused = await request(server())
      .post(`/api/v1/dossiers/${version.id}/decisions`)
      .set(as('lena'))
      .send(approve)
      .expect(409);
    expect(refused.body.message).toMatch(
      /above the agency's appetite \(12\).*Only the provider can operate the system/,
    );
    const viewer = await request(server()).get(`/reviews/dossiers/${version.id}`).set(as('lena')).expect(200);
    expect(viewer.text).toContain('Approval is blocked until a legal reviewer accepts');

    // The officer cannot accept; the reviewer must give reasons.
    const accept = { providerId: recommendedProviderId, key: added.body.key };
    await request(server())
      .post(`/api/v1/cases/${caseId}/risk-register/acceptances`)
      .set(as('officer'))
      .send({ ...accept, reason: 'x' })
      .expect(403);
    const empty = await request(server())
      .post(`/cases/${caseId}/risk-register/accept`)
      .set(as('lena'))
      .type('form')
      .send({ ...accept, reason: '' })
      .expect(400);
    expect(empty.text).toContain('Nothing was changed');
    await request(server())
      .post(`/cases/${caseId}/risk-register/accept`)
      .set(as('lena'))
      .type('form')
      .send({ ...accept, reason: 'The exit plan is budgeted for the first term' })
      .expect(303);
    expect((await register('lena')).blocking).toEqual([]);

    await request(server()).post(`/api/v1/dossiers/${version.id}/decisions`).set(as('lena')).send(approve).expect(201);
  });
});
