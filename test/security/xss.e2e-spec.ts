/// <reference lib="dom" />
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import {
  CasesService,
  ClarificationsService,
  EvidenceService,
  ProviderInvitesService,
  ResponsesService,
} from '@probity/cases';
import { answersAtQuality, DEMO_PROVIDERS, demoCase, demoEvidencePdf } from '@probity/demo';
import { DossierService } from '@probity/dossier';
import { locateBrowser } from '@probity/pdf-rendering';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import { createTestDatabase, servicesTestConfig, TestDatabase, waitFor } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { signInHeaders, serveOnLoopback } from '../support/tender-http';
import { agencyWithStaff, startTestWorker } from '../support/e2e-app';

const run = promisify(execFile);
const PASSWORD = 'cross-site scripting passphrase';

/** Script tags, event handlers, markup, attribute breaking and template syntax, each with its own marker. */
const PAYLOADS = [
  '<script>alert("xss-script")</script>',
  '<img src=x onerror=alert("xss-img")>',
  '"><svg onload=alert("xss-attr")>',
  '\' autofocus onfocus=\'alert("xss-quote")',
  '</textarea></title><b id="xss-markup">bold</b>',
  "{{constructor.constructor('alert(1)')()}}",
];
const HOSTILE = PAYLOADS.join(' ');
const HOSTILE_ORGANISATION = `Acme <img src=x onerror=alert("xss-org")> "Ltd'`;
/** File names lose everything up to a slash, so this one has none. */
const HOSTILE_FILE_NAME = `<img src=x onerror=alert("xss-file")> report.pdf`;

/**
 * Provider-controlled text (organisation name, answers, clarification questions, evidence file names)
 * and staff text shown to providers, in a real browser with the CSP switched off — so the test proves
 * the escaping itself, not just the CSP behind it — and in the dossier PDF.
 */
describe('hostile text is shown inert on every page and in the dossier (real services, Chromium)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let browser: Browser;
  let officer: BrowserContext;
  let provider: BrowserContext;
  let baseUrl: string;
  let caseId: string;
  let token: string;
  let workdir: string;

  beforeAll(async () => {
    workdir = await mkdtemp(join(tmpdir(), 'probity-xss-'));
    database = await createTestDatabase();
    const config = servicesTestConfig(database.url);
    worker = await startTestWorker(config);
    app = await createApp(config);
    baseUrl = await serveOnLoopback(app);

    const { agencyId } = await agencyWithStaff(
      app,
      'XSS test agency',
      [{ email: 'officer@xss.example', name: 'Officer', role: 'procurement_officer' }],
      PASSWORD,
    );
    const session = await signInHeaders(app, 'officer@xss.example', PASSWORD);

    const cases = app.get(CasesService);
    const created = await cases.createCase(agencyId, {
      ...demoCase(new Date()),
      questionsDue: undefined,
      title: `Tender ${PAYLOADS[0]}`,
      description: HOSTILE,
    });
    caseId = created.id;
    await cases.transition(caseId, 'open');
    const definition = created.questionnaireDefinition as QuestionnaireDefinition;
    const [first, second] = DEMO_PROVIDERS;
    const invited = await app
      .get(ProviderInvitesService)
      .inviteProvider(caseId, { ...first.invite, organisationName: HOSTILE_ORGANISATION });
    token = invited.token;
    await app.get(ResponsesService).saveAnswers(
      invited.response.id,
      {
        ...answersAtQuality(definition, first.quality, first.overrides),
        law_misuse: HOSTILE,
      },
      0,
    );
    for (const file of first.evidence)
      await app
        .get(EvidenceService)
        .addEvidence(invited.response.id, file.questionName, file.fileName, await demoEvidencePdf('a', 'b'));
    await app
      .get(EvidenceService)
      .addEvidence(
        invited.response.id,
        first.evidence[0].questionName,
        HOSTILE_FILE_NAME,
        await demoEvidencePdf('Hostile', 'name'),
      );
    const openCase = await cases.caseOfAgency(agencyId, caseId);
    await app.get(ClarificationsService).ask(invited.response, openCase, `Question ${HOSTILE}`);
    await app.get(ResponsesService).submit(invited.response.id);
    // A second, ordinary provider so the comparison has something to compare with.
    const other = await app.get(ProviderInvitesService).inviteProvider(caseId, second.invite);
    await app
      .get(ResponsesService)
      .saveAnswers(other.response.id, answersAtQuality(definition, second.quality, second.overrides), 0);
    for (const file of second.evidence)
      await app
        .get(EvidenceService)
        .addEvidence(other.response.id, file.questionName, file.fileName, await demoEvidencePdf('c', 'd'));
    await app.get(ResponsesService).submit(other.response.id);

    browser = await chromium.launch({
      executablePath: locateBrowser().executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    officer = await browser.newContext({ bypassCSP: true });
    await officer.addCookies(
      session.Cookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name, value: value.join('='), url: baseUrl };
      }),
    );
    provider = await browser.newContext({ bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await worker?.close();
    await database?.drop();
    await rm(workdir, { recursive: true, force: true });
  });

  /** Opens a page, lets any injected script have its chance, and reports what ran and what the DOM holds. */
  async function visit(context: BrowserContext, path: string) {
    const page: Page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('load');
    // Give autofocus/onfocus and onerror handlers time to fire if they had been injected.
    await page.waitForTimeout(300);
    const dom = await page.evaluate(() => ({
      text: document.body.innerText.replace(/\s+/g, ' '),
      fields: Array.from(document.querySelectorAll('textarea, input')).map(
        (field) => (field as HTMLInputElement).value,
      ),
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      handlers: Array.from(document.querySelectorAll('*')).flatMap((element) =>
        Array.from(element.attributes)
          .filter((attribute) => attribute.name.startsWith('on'))
          .map((attribute) => `${element.tagName} ${attribute.name}`),
      ),
      injected: document.querySelectorAll('#xss-markup, img[src="x"], svg[onload]').length,
    }));
    await page.close();
    expect(dialogs).toEqual([]);
    expect(dom.inlineScripts).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(dom.injected).toBe(0);
    return dom;
  }

  const flat = (text: string) => text.replace(/\s+/g, ' ');

  it('portal overview: case text and the clarification question are text', async () => {
    const dom = await visit(provider, `/portal/${token}`);
    expect(dom.text).toContain(flat(HOSTILE));
    expect(dom.text).toContain(`Question ${flat(HOSTILE)}`);
    expect(dom.text).toContain(HOSTILE_ORGANISATION);
  });

  it('portal section: answers come back as field values, not markup', async () => {
    const dom = await visit(provider, `/portal/${token}/sections/0`);
    expect(dom.fields).toContain(HOSTILE);
  });

  it('portal receipt: organisation and evidence file names are text', async () => {
    const dom = await visit(provider, `/portal/${token}/receipt`);
    expect(dom.text).toContain(HOSTILE_ORGANISATION);
    expect(dom.text).toContain(HOSTILE_FILE_NAME);
  });

  it('case detail: organisation name and case text are text', async () => {
    const dom = await visit(officer, `/cases/${caseId}`);
    expect(dom.text).toContain(HOSTILE_ORGANISATION);
    expect(dom.text).toContain(flat(HOSTILE));
  });

  it('clarifications page: the provider’s question is text', async () => {
    const dom = await visit(officer, `/cases/${caseId}/clarifications`);
    // Unanswered, it sits in the editable "as it will be published" field.
    expect(dom.fields).toContain(`Question ${HOSTILE}`);
    expect(dom.text).toContain(HOSTILE_ORGANISATION);
  });

  it('comparison page and its SVG charts: the organisation name is text', async () => {
    const cases = app.get(CasesService);
    await cases.transition(caseId, 'closed');
    await cases.transition(caseId, 'evaluation');
    await waitFor(async () => {
      const page = await fetch(`${baseUrl}/api/v1/cases/${caseId}/comparison`, {
        headers: { Cookie: (await officer.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
      });
      return ((await page.json()) as { status: string }).status === 'ready' ? true : null;
    }, 120_000);
    const dom = await visit(officer, `/cases/${caseId}/comparison`);
    expect(dom.text).toContain(HOSTILE_ORGANISATION);
  });

  it('dossier PDF: the literal text is printed', async () => {
    const dossiers = app.get(DossierService);
    const version = await waitFor(async () => {
      try {
        return await dossiers.requestRender(caseId);
      } catch {
        return null; // scores still being written
      }
    }, 60_000);
    const pdf = await waitFor(() => dossiers.pdf(version.id), 150_000);
    const file = join(workdir, 'dossier.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', [file, '-']);
    const text = flat(stdout);
    expect(text).toContain(flat(HOSTILE_ORGANISATION));
    for (const payload of PAYLOADS) expect(text).toContain(flat(payload));
  });
});
