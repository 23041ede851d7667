import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { IdentityService, newToken, StaffPrincipal, StaffRole } from '@probity/identity';
import { CasesService } from '@probity/cases';
import { DEMO_AGENCY_NAME, demoCase, submitDemoResponses } from '@probity/demo';
import { DossierService, DossierWorkflowService } from '@probity/dossier';
import { EvaluationResultsService } from '@probity/evaluation';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import { loadConfigOrExit } from '@probity/runtime';
import { createApp } from './create-app';

/**
 * The README's main command: a seeded demo tender end to end. It raises a case, three providers
 * answer and submit, background jobs score and compare them, and the evaluation dossier is rendered
 * to a PDF. Zero-setup by default; with DATABASE_URL and REDIS_URL set, a worker must be running.
 */
async function main(): Promise<void> {
  const serve = process.argv.includes('--serve');
  const config = loadConfigOrExit({ LOG_LEVEL: 'warn', ...process.env });
  const app = await createApp(config);
  await app.init();
  try {
    const pdfPath = await runDemoTender(app, config.dataDir);
    log(`PDF written to ${pdfPath}`);
    if (serve) {
      await seedForBrowsing(app, config.publicBaseUrl);
      await app.listen(config.port);
      log(`serving on ${config.publicBaseUrl} (Ctrl-C to stop)`);
      return;
    }
  } catch (error) {
    await app.close();
    throw error;
  }
  await app.close();
}

/**
 * With `--serve`: a demo officer to sign in as, and a second, open case with one invited provider
 * whose portal link is printed (the token exists only in this output, as it would in an e-mail).
 */
async function seedForBrowsing(app: INestApplication, baseUrl: string): Promise<void> {
  const identity = app.get(IdentityService);
  const cases = app.get(CasesService);
  const agency = await identity.findOrCreateAgency(DEMO_AGENCY_NAME);
  const email = 'officer@demo.probity.example';
  const password = newToken().slice(0, 20);
  const officer = (await identity.staffOfAgency(agency.id)).find((user) => user.email === email);
  if (officer) log(`officer ${email} exists already (password as printed when it was created)`);
  else {
    await identity.createStaffUser({
      agencyId: agency.id,
      email,
      name: 'Demo Officer',
      role: 'procurement_officer',
      password,
    });
    log(`sign in at ${baseUrl}/login as ${email} with password ${password}`);
  }
  const now = new Date();
  const input = demoCase(now);
  const open = await cases.createCase(agency.id, {
    ...input,
    reference: `${input.reference}-OPEN-${now.toISOString().replace(/\D/g, '').slice(8, 14)}`,
    title: 'Risk assessment support for follow-up visits (open demo case)',
  });
  await cases.transition(open.id, 'open');
  const { token } = await cases.inviteProvider(open.id, {
    organisationName: 'Demo Provider Ltd',
    country: 'IE',
    legalIdentifiers: { VAT: 'IE1234567T' },
    contactEmails: ['bids@demo-provider.example'],
  });
  log(`provider portal for ${open.reference}: ${baseUrl}/portal/${token}`);
}

async function runDemoTender(app: INestApplication, dataDir: string): Promise<string> {
  const cases = app.get(CasesService);
  const agency = await app.get(IdentityService).findOrCreateAgency(DEMO_AGENCY_NAME);
  const results = app.get(EvaluationResultsService);
  const dossiers = app.get(DossierService);
  const now = new Date();
  const input = demoCase(now);
  const created = await cases.createCase(agency.id, {
    ...input,
    reference: `${input.reference}-${now.toISOString().replace(/\D/g, '').slice(8, 14)}`,
  });
  await cases.transition(created.id, 'open');
  log(`case ${created.reference} published: ${created.title}`);

  const definition = created.questionnaireDefinition as QuestionnaireDefinition;
  await submitDemoResponses(cases, created.id, definition, (provider) =>
    log(`${provider.invite.organisationName} submitted`),
  );

  await waitFor('scoring', async () => {
    const progress = await results.progress(created.id);
    log(`scoring ${progress.scored}/${progress.submitted} responses`);
    return progress.scored === progress.submitted;
  });
  await cases.transition(created.id, 'closed');
  await cases.transition(created.id, 'evaluation');
  const stored = await waitFor('comparison', () => results.latestComparison(created.id));
  for (const provider of stored.comparison.ranked)
    log(`rank ${provider.rank}: ${provider.name} (${provider.overall?.toFixed(1)})`);
  for (const provider of stored.comparison.disqualified)
    log(`knocked out: ${provider.name} (${provider.knockouts.map((k) => k.title).join('; ')})`);

  // Legal review: two reviewers on the panel, the dossier rendered for their review, both approve, and the
  // worker signs it. The staff accounts exist only for this; nobody signs in as them.
  const officer = await demoStaff(
    app,
    agency.id,
    'procurement_officer',
    'case.officer@demo.probity.example',
    'Demo Case Officer',
  );
  const reviewers = [
    await demoStaff(app, agency.id, 'legal_reviewer', 'legal.counsel@demo.probity.example', 'Dana Legal Counsel'),
    await demoStaff(app, agency.id, 'legal_reviewer', 'data.protection@demo.probity.example', 'Sam Data Protection'),
  ];
  await cases.setPanel(
    agency.id,
    created.id,
    reviewers.map((reviewer) => ({ userId: reviewer.userId, role: 'legal_reviewer' as const })),
  );
  await cases.transition(created.id, 'dossier_review');
  const workflow = app.get(DossierWorkflowService);
  const { version: requested } = await workflow.requestRender(officer, created.id);
  log(`rendering dossier version ${requested.version} for legal review`);
  const rendered = await waitFor(
    'dossier',
    async () => ((await dossiers.get(requested.id)).pdfSha256 ? dossiers.get(requested.id) : null),
    180000,
  );
  const reviewCopy = rendered.pdfSha256 as string;
  await workflow.decide(reviewers[0], rendered.id, { decision: 'approve', pdfSha256: reviewCopy });
  await workflow.decide(reviewers[1], rendered.id, {
    decision: 'approve-with-conditions',
    conditions: 'The contract includes the audit-access and data-protection clauses listed in the dossier.',
    pdfSha256: reviewCopy,
  });
  log(`${reviewers.map((reviewer) => reviewer.name).join(' and ')} approved; signing`);
  const pdf = await waitFor('signing', () => dossiers.signedPdf(rendered.id), 180000);
  const verification = await dossiers.verify(pdf);
  if (!verification.valid || !verification.signed)
    throw new Error(`the signed dossier does not verify: ${JSON.stringify(verification)}`);
  log(`signed off by ${verification.signers.map((signer) => signer.name).join(', ')}`);
  const outputDir = join(dataDir, 'demo');
  await mkdir(outputDir, { recursive: true });
  const file = join(outputDir, `dossier-${created.reference}-signed.pdf`);
  await writeFile(file, pdf);
  log(`signed dossier SHA-256 ${verification.pdfSha256}`);
  return file;
}

/** A staff member of the demo agency as a signed-in principal (created on first use, with a random password). */
async function demoStaff(
  app: INestApplication,
  agencyId: string,
  role: StaffRole,
  email: string,
  name: string,
): Promise<StaffPrincipal> {
  const identity = app.get(IdentityService);
  const user =
    (await identity.staffOfAgency(agencyId)).find((member) => member.email === email) ??
    (await identity.createStaffUser({ agencyId, email, name, role, password: newToken().slice(0, 20) }));
  return { userId: user.id, agencyId, role: user.role, email: user.email, name: user.name, sessionId: 'demo' };
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | false>, timeoutMs = 60000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`${what} did not finish within ${timeoutMs / 1000} s (is a worker running?)`);
    await sleep(500);
  }
}

function log(line: string): void {
  process.stdout.write(`probity demo: ${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`probity demo failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
