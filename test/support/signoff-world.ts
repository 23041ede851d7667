import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_AGENCY_NAME } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { SmtpSink, waitFor } from '@probity/testing';
import { caseInLegalReview } from './dossier-case';
import { E2eApp, startE2eApp } from './e2e-app';
import { SessionHeaders, SignedInMember, signedInStaff } from './staff-sessions';

const PASSWORD = 'dossier sign-off passphrase';

/** A dossier version as `GET /api/v1/cases/:caseId/dossiers` lists it. */
export interface VersionRow {
  id: string;
  version: number;
  status: string;
  current: boolean;
  renderProgress: number;
  pdfSha256: string | null;
  signedPdfSha256: string | null;
}

/**
 * The api and worker with a demo-agency case in legal review (panel: the evaluator, Lena and Lars), staff of
 * that agency and of another signed in, and the dossier versions the steps render as they go.
 */
export interface SignoffWorld {
  e2e: E2eApp;
  app: NestExpressApplication;
  smtp: SmtpSink;
  /** DATA_DIR: the zero-setup signing keys live here. */
  keyDir: string;
  caseId: string;
  reference: string;
  agencyId: string;
  people: Record<string, SignedInMember>;
  sessions: Record<string, SessionHeaders>;
  firstVersion: VersionRow;
  secondVersion: VersionRow;
}

export async function startSignoffWorld(world: Partial<SignoffWorld>): Promise<void> {
  world.keyDir = await mkdtemp(join(tmpdir(), 'probity-signoff-'));
  world.e2e = await startE2eApp({
    worker: true,
    env: { PUBLIC_BASE_URL: 'http://probity.example', DATA_DIR: world.keyDir },
  });
  const app = (world.app = world.e2e.app as NestExpressApplication);
  world.smtp = world.e2e.smtp;

  const identity = app.get(IdentityService);
  const agency = await identity.findOrCreateAgency(DEMO_AGENCY_NAME);
  world.agencyId = agency.id;
  const otherAgency = await identity.createAgency('Another police service (sign-off test)');
  const staff = await signedInStaff(app, 'signoff.example', PASSWORD, [
    ['officer', agency.id, 'procurement_officer', 'Olivia Officer'],
    ['lena', agency.id, 'legal_reviewer', 'Lena Legal'],
    ['lars', agency.id, 'legal_reviewer', 'Lars Lawyer'],
    ['lukas', agency.id, 'legal_reviewer', 'Lukas Late'],
    ['evaluator', agency.id, 'evaluator', 'Eve Evaluator'],
    ['stranger', otherAgency.id, 'procurement_officer', 'Sam Stranger'],
    ['strangerLegal', otherAgency.id, 'legal_reviewer', 'Sid Stranger'],
  ]);
  const people = (world.people = staff.people);
  world.sessions = staff.sessions;
  ({ caseId: world.caseId, reference: world.reference } = await caseInLegalReview(
    app,
    agency.id,
    [
      { userId: people.evaluator.userId, role: 'evaluator' },
      { userId: people.lena.userId, role: 'legal_reviewer' },
      { userId: people.lars.userId, role: 'legal_reviewer' },
    ],
    `SIGNOFF-${randomUUID().slice(0, 8)}`,
  ));
}

export async function stopSignoffWorld(world: Partial<SignoffWorld>): Promise<void> {
  await world.e2e?.close();
  if (world.keyDir) await rm(world.keyDir, { recursive: true, force: true });
}

/** Requests the sign-off steps make, as the world's people. */
export function signoffSteps(world: SignoffWorld) {
  const as = (who: string) => world.sessions[who];
  const server = () => world.app.getHttpServer();
  const versions = async (): Promise<VersionRow[]> =>
    (await request(server()).get(`/api/v1/cases/${world.caseId}/dossiers`).set(as('officer')).expect(200)).body;
  const decide = (who: string, dossierId: string, body: Record<string, string>) =>
    request(server()).post(`/api/v1/dossiers/${dossierId}/decisions`).set(as(who)).send(body);
  return {
    as,
    server,
    versions,
    renderedVersion: (number: number) =>
      waitFor(
        async () => (await versions()).find((v) => v.version === number && v.status === 'rendered') ?? null,
        120_000,
        250,
      ),
    signOffMails: () =>
      world.smtp.messages.filter(
        (mail) =>
          mail.parsed.subject?.startsWith('Sign-off requested') && mail.parsed.subject.includes(world.reference),
      ),
    /** Sets the case's panel: the evaluator and these legal reviewers. */
    panelOf: (reviewers: string[]) =>
      request(server())
        .put(`/api/v1/cases/${world.caseId}/panel`)
        .set(as('officer'))
        .send({
          members: [
            { userId: world.people.evaluator.userId, role: 'evaluator' },
            ...reviewers.map((who) => ({ userId: world.people[who].userId, role: 'legal_reviewer' })),
          ],
        }),
    decide,
    /** Approves the version as the reviewer, for the bytes it was rendered as. */
    approve: (who: string, version: VersionRow) =>
      decide(who, version.id, { decision: 'approve', pdfSha256: version.pdfSha256 as string }),
  };
}
