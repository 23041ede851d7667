import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { IdentityService } from '@probity/identity';
import { CasesService, ProviderInvitesService } from '@probity/cases';
import {
  DEMO_AGENCY_NAME,
  demoCase,
  DemoStaffKey,
  DemoStaffMember,
  ensureDemoStaff,
  submitDemoResponses,
} from '@probity/demo';
import { DossierService, DossierWorkflowService } from '@probity/dossier';
import { EvaluationResultsService } from '@probity/evaluation';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import { FriaService, ReadinessService } from '@probity/readiness';
import { loadConfigOrExit } from '@probity/runtime';
import { createApp } from './create-app';
import { seedDemoDeployerAssessment } from './demo-deployer';
import { serveLocalAdministration } from './local-administration';

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
    const agency = await app.get(IdentityService).findOrCreateAgency(DEMO_AGENCY_NAME);
    const staff = await ensureDemoStaff(app.get(IdentityService), agency.id);
    const pdfPath = await runDemoTender(app, config.dataDir, staff);
    log(`PDF written to ${pdfPath}`);
    if (serve) {
      await seedForBrowsing(app, config.publicBaseUrl, agency.id, staff);
      await app.listen(config.port);
      await serveLocalAdministration(app, config);
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
 * With `--serve`: the demo staff's sign-ins (an officer, an administrator, an evaluator and two legal
 * reviewers), and a second, open case with one invited provider whose portal link is printed (the token
 * exists only in this output, as it would in an e-mail).
 */
async function seedForBrowsing(
  app: INestApplication,
  baseUrl: string,
  agencyId: string,
  staff: Record<DemoStaffKey, DemoStaffMember>,
): Promise<void> {
  const cases = app.get(CasesService);
  for (const { principal, newPassword } of Object.values(staff)) {
    if (newPassword)
      log(`sign in at ${baseUrl}/login as ${principal.email} with password ${newPassword} (${principal.role})`);
    else log(`${principal.email} (${principal.role}) exists already (password as printed when it was created)`);
  }
  const now = new Date();
  const input = demoCase(now);
  const open = await cases.createCase(agencyId, {
    ...input,
    reference: `${input.reference}-OPEN-${now.toISOString().replace(/\D/g, '').slice(8, 14)}`,
    title: 'Risk assessment support for follow-up visits (open demo case)',
  });
  await cases.transition(open.id, 'open');
  const { token } = await app.get(ProviderInvitesService).inviteProvider(open.id, {
    organisationName: 'Demo Provider Ltd',
    country: 'IE',
    legalIdentifiers: { VAT: 'IE1234567T' },
    contactEmails: ['bids@demo-provider.example'],
  });
  log(`provider portal for ${open.reference}: ${baseUrl}/portal/${token}`);
}

async function runDemoTender(
  app: INestApplication,
  dataDir: string,
  staff: Record<DemoStaffKey, DemoStaffMember>,
): Promise<string> {
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
  // The agency's own part as deployer: its FRIA, consultations and readiness (two items left open).
  await seedDemoDeployerAssessment(
    { fria: app.get(FriaService), readiness: app.get(ReadinessService) },
    await cases.getCase(created.id),
    staff.officer.principal,
    now,
  );
  log('agency FRIA written and readiness checklist recorded');

  const definition = created.questionnaireDefinition as QuestionnaireDefinition;
  await submitDemoResponses(app, created.id, definition, (provider) =>
    log(`${provider.invite.organisationName} submitted`),
  );

  await waitFor('scoring', async () => {
    const progress = await results.progress(created.id);
    log(`scoring ${progress.scored}/${progress.submitted} responses`);
    return progress.scored === progress.submitted;
  });
  // The panel: an evaluator (e-mailed when the evaluation starts) and two legal reviewers, who are asked
  // to review once the dossier's review copy exists, both approve (one with conditions) and the worker signs.
  const officer = staff.officer.principal;
  const reviewers = [staff.legalCounsel.principal, staff.dataProtection.principal];
  await cases.setPanel(agency.id, created.id, [
    { userId: staff.evaluator.principal.userId, role: 'evaluator' },
    ...reviewers.map((reviewer) => ({ userId: reviewer.userId, role: 'legal_reviewer' as const })),
  ]);
  await cases.transition(created.id, 'closed');
  await cases.transition(created.id, 'evaluation');
  const stored = await waitFor('comparison', () => results.latestComparison(created.id));
  for (const provider of stored.comparison.ranked)
    log(`rank ${provider.rank}: ${provider.name} (${provider.overall?.toFixed(1)})`);
  for (const provider of stored.comparison.disqualified)
    log(`knocked out: ${provider.name} (${provider.knockouts.map((k) => k.title).join('; ')})`);

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
