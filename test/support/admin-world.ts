import { INestApplication } from '@nestjs/common';
import { IdentityService } from '@probity/identity';
import type { SmtpSink } from '@probity/testing';
import { E2eApp, startE2eApp } from './e2e-app';
import { Agent, signIn } from './tender-http';

const PASSWORD = 'admin test passphrase';

/** Two agencies: an administrator and an officer in the first, an administrator in the other, all signed in. */
export interface AdminWorld {
  e2e: E2eApp;
  app: INestApplication;
  smtp: SmtpSink;
  agencyId: string;
  otherAgencyId: string;
  admin: { agent: Agent; csrf: string };
  officer: { agent: Agent; csrf: string };
  otherAdmin: { agent: Agent; csrf: string };
  officerId: string;
  adminId: string;
}

export async function startAdminWorld(): Promise<AdminWorld> {
  const e2e = await startE2eApp({ env: { PUBLIC_BASE_URL: 'http://probity.example' } });
  const { app, smtp } = e2e;
  const identity = app.get(IdentityService);
  const agency = await identity.createAgency('Politie Nederland (test)');
  const other = await identity.createAgency('Polisen Sverige (test)');
  const agencyId = agency.id;
  const otherAgencyId = other.id;
  const people = [
    { agencyId, email: 'admin@politie.example', name: 'Anouk Admin', role: 'admin' as const },
    { agencyId, email: 'officer@politie.example', name: 'Olaf Officer', role: 'procurement_officer' as const },
    { agencyId: otherAgencyId, email: 'admin@polisen.example', name: 'Astrid Admin', role: 'admin' as const },
  ];
  const created = [];
  for (const person of people) created.push(await identity.createStaffUser({ ...person, password: PASSWORD }));
  return {
    e2e,
    app,
    smtp,
    agencyId,
    otherAgencyId,
    adminId: created[0].id,
    officerId: created[1].id,
    admin: await signIn(app, 'admin@politie.example', PASSWORD),
    officer: await signIn(app, 'officer@politie.example', PASSWORD),
    otherAdmin: await signIn(app, 'admin@polisen.example', PASSWORD),
  };
}
