import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AccessDecision,
  AccessFacts,
  decideAccess,
  decideAgencyAccess,
  decideRoleAccess,
  isAgencyPermission,
  Permission,
} from '@probity/access';
import {
  CasesService,
  Clarification,
  EvidenceService,
  PanelMember,
  ProcurementCase,
  ProviderInvitesService,
  ResponsesService,
} from '@probity/cases';
import { demoCase } from '@probity/demo';
import { PanelService } from '@probity/evaluation';
import { AccessRequirement, IdentityService, StaffRole } from '@probity/identity';
import { QueueName } from '@probity/queue';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { AppModule } from '../apps/api/src/app.module';
import { createApp } from '../apps/api/src/create-app';
import { describeRoute, HttpRoute, httpRoutes, routeRequirement } from '../apps/api/src/routes/http-routes';
import { caseInLegalReview } from './support/dossier-case';
import { builtInDefinition, serveOnLoopback, signInHeaders } from './support/tender-http';
import { startTestWorker } from './support/e2e-app';

const PASSWORD = 'a long enough passphrase';

/**
 * The access matrix, generated: every staff route of the api (read from Nest's routing metadata, with
 * the permission it declares) is requested by every kind of person — officer, administrator, an
 * evaluator on the panel who declared no conflict, one who has not declared, one who declared a
 * conflict, one off the panel, legal reviewers on and off the panel, another agency's administrator —
 * on a case still open for responses and one in legal review. The expected answer comes from the
 * policy's own data (`decideAccess` over the fixture's facts): 404 for another agency, 403 for role,
 * seat, declaration or phase, and otherwise anything but 401/403 or the policy's 404 (a minimal body
 * may well be 400, 409 or 422). One app, one worker, one seeded fixture.
 */
describe('the generated access matrix (real PostgreSQL and Redis)', () => {
  type Who = 'officer' | 'admin' | 'eva' | 'undeclared' | 'recused' | 'offPanel' | 'lena' | 'legalOff' | 'foreign';
  const STAFF: Array<[Who, StaffRole, 'home' | 'other']> = [
    ['officer', 'procurement_officer', 'home'],
    ['admin', 'admin', 'home'],
    ['eva', 'evaluator', 'home'],
    ['undeclared', 'evaluator', 'home'],
    ['recused', 'evaluator', 'home'],
    ['offPanel', 'evaluator', 'home'],
    ['lena', 'legal_reviewer', 'home'],
    ['legalOff', 'legal_reviewer', 'home'],
    ['foreign', 'admin', 'other'],
  ];

  let database: TestDatabase;
  let worker: INestApplicationContext;
  let app: INestApplication;
  let baseUrl: string;
  const people = {} as Record<Who, { id: string; agencyId: string; role: StaffRole; headers: Record<string, string> }>;
  /** Route parameters other than the case and response, per case: real ids, so an allowed request finds them. */
  const cases: Array<{ label: string; found: ProcurementCase; responseId: string; params: Record<string, string> }> =
    [];
  const declarations = new Map<string, { hasConflict: boolean }>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = servicesTestConfig(database.url, { RATE_LIMIT_PER_MINUTE: '1000000' });
    worker = await startTestWorker(config);
    app = await createApp(config);
    await app.init();
    baseUrl = await serveOnLoopback(app);

    const identity = app.get(IdentityService);
    const home = await identity.findOrCreateAgency('Access matrix police service');
    const other = await identity.findOrCreateAgency('Another police service (access matrix)');
    for (const [who, role, agency] of STAFF) {
      const agencyId = agency === 'home' ? home.id : other.id;
      const email = `${who.toLowerCase()}@matrix.example`;
      const user = await identity.createStaffUser({ agencyId, email, name: `Matrix ${who}`, role, password: PASSWORD });
      people[who] = { id: user.id, agencyId, role, headers: await signInHeaders(app, email, PASSWORD) };
    }
    const spare = await identity.createStaffUser({
      agencyId: home.id,
      email: 'spare@matrix.example',
      name: 'Matrix spare account',
      role: 'evaluator',
      password: PASSWORD,
    });

    const panel: PanelMember[] = [
      { userId: people.eva.id, role: 'evaluator' },
      { userId: people.undeclared.id, role: 'evaluator' },
      { userId: people.recused.id, role: 'evaluator' },
      { userId: people.lena.id, role: 'legal_reviewer' },
    ];
    const casesService = app.get(CasesService);
    // A case in legal review (three submitted responses, compared by the worker) and one still open.
    const { caseId: reviewId } = await caseInLegalReview(app, home.id, panel, 'MATRIX-REVIEW');
    const open = await casesService.createCase(home.id, { ...demoCase(new Date()), reference: 'MATRIX-OPEN' });
    await casesService.setPanel(home.id, open.id, panel);
    await casesService.transition(open.id, 'open');
    const { response: invited } = await app.get(ProviderInvitesService).inviteProvider(open.id, {
      organisationName: 'Matrix Vision Ltd',
      country: 'NL',
      legalIdentifiers: {},
      contactEmails: ['bids@matrix-vision.example'],
    });

    const panelService = app.get(PanelService);
    for (const caseId of [reviewId, open.id]) {
      await panelService.declareConflict(caseId, people.eva.id, false, 'I have no conflict of interest.');
      await panelService.declareConflict(caseId, people.recused.id, true, 'I used to work for a bidder.');
      declarations.set(`${caseId}:${people.eva.id}`, { hasConflict: false });
      declarations.set(`${caseId}:${people.recused.id}`, { hasConflict: true });
    }

    // Real ids for the other route parameters: a dossier version, an unanswered clarification, evidence.
    const dossier = await fetchAs('officer', 'POST', `/api/v1/cases/${reviewId}/dossiers`);
    expect(dossier.status).toBe(202);
    const clarificationId = randomUUID();
    // A submitted response with evidence (not every demo provider attaches some).
    const withEvidence = await Promise.all(
      (await app.get(ResponsesService).responsesOf(reviewId)).map(async (r) => ({
        r,
        files: await app.get(EvidenceService).evidenceOf(r.id),
      })),
    );
    const { r: submitted, files } = withEvidence.find(({ files }) => files.length > 0)!;
    await app.get(DataSource).getRepository(Clarification).insert({
      id: clarificationId,
      caseId: reviewId,
      askedByResponseId: submitted.id,
      question: 'Is on-premises hosting required?',
      answer: null,
      publishedAt: null,
    });
    const [evidence] = files;
    const template = await fetchAs('admin', 'POST', '/api/v1/questionnaire-templates', {
      key: 'matrix-questionnaire',
      definition: builtInDefinition('responsible-ai-high-risk'),
    });
    expect(template.status).toBe(201);
    const shared = {
      userId: spare.id,
      templateId: ((await template.json()) as { id: string }).id,
      id: ((await dossier.json()) as { id: string }).id,
      clarificationId,
      questionName: 'q',
      action: 'reissue',
      // A real queue and a job id it never had: past the policy, the retry answers 404 "no such job".
      queue: QueueName.Scoring,
      jobId: '1',
    };
    cases.push(
      {
        label: 'in legal review',
        found: await casesService.getCase(reviewId),
        responseId: submitted.id,
        params: { ...shared, evidenceId: evidence.id },
      },
      {
        label: 'open for responses',
        found: await casesService.getCase(open.id),
        responseId: invited.id,
        params: { ...shared, evidenceId: randomUUID() },
      },
    );
  });

  afterAll(async () => {
    await app?.close();
    await worker?.close();
    await database?.drop();
  });

  async function fetchAs(who: Who, method: string, path: string, body: unknown = {}) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: { ...people[who].headers, 'content-type': 'application/json', accept: 'application/json' },
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: JSON.stringify(body) }),
    });
    return response;
  }

  /** What the policy decides for this person, route and case, as the access guard composes it. */
  function expected(
    who: Who,
    route: HttpRoute,
    permission: Permission,
    ids: AccessRequirement['ids'],
    target: (typeof cases)[number],
  ): AccessDecision {
    const person = people[who];
    if (ids === 'handler') {
      const rolePart = decideRoleAccess(permission, person);
      if (!rolePart.allowed) return rolePart;
    }
    const facts: AccessFacts = {
      principal: { userId: person.id, agencyId: person.agencyId, role: person.role },
      procurementCase: target.found,
      declaration: declarations.get(`${target.found.id}:${person.id}`) ?? null,
      ...(route.path.includes(':responseId')
        ? { response: { caseId: target.found.id, status: responseStatus.get(target.responseId) as string } }
        : {}),
    };
    return decideAccess(permission, facts);
  }

  const responseStatus = new Map<string, string>();
  const POLICY_NOT_FOUND = /^No such (case|response|dossier)\.$/;

  interface Probe {
    label: string;
    who: Who;
    method: string;
    path: string;
    body: unknown;
    agencyWide: boolean;
    expect: AccessDecision;
  }

  function probes(): Probe[] {
    const routes = httpRoutes(AppModule.forRoot({ mode: 'zero-setup' } as never));
    const list: Probe[] = [];
    for (const route of routes) {
      const requirement = routeRequirement(route);
      if (!requirement) continue;
      const body = route.path.endsWith('/answer') ? { answer: 'Yes, on premises.' } : {};
      if (isAgencyPermission(requirement.permission)) {
        // Agency-wide routes act on the principal's own agency: only the role decides.
        const path = fill(route.path, cases[0]);
        for (const [who] of STAFF.filter(([, , agency]) => agency === 'home'))
          list.push({
            label: `${describeRoute(route)} as ${who}`,
            who,
            method: route.method,
            path,
            body,
            agencyWide: true,
            expect: decideAgencyAccess(requirement.permission, people[who]),
          });
        continue;
      }
      // Routes naming a dossier or clarification: theirs is the case in legal review.
      const targets = requirement.ids === 'route' ? cases : [cases[0]];
      for (const target of targets)
        for (const [who] of STAFF)
          list.push({
            label: `${describeRoute(route)} as ${who} on the case ${target.label}`,
            who,
            method: route.method,
            path: fill(route.path, target),
            body,
            agencyWide: false,
            expect: expected(who, route, requirement.permission, requirement.ids, target),
          });
    }
    return list;
  }

  function fill(path: string, target: (typeof cases)[number]): string {
    const values: Record<string, string> = {
      ...target.params,
      caseId: target.found.id,
      responseId: target.responseId,
    };
    return path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
      if (!(name in values)) throw new Error(`no fixture value for :${name} in ${path}`);
      return values[name];
    });
  }

  async function outcome(probe: Probe): Promise<string | null> {
    const response = await fetchAs(probe.who, probe.method, probe.path, probe.body);
    // Read a little and stop: the scoring-progress stream would otherwise stay open.
    const text = response.headers.get('content-type')?.includes('event-stream')
      ? (await response.body?.cancel(), '')
      : await response.text();
    const message = (() => {
      try {
        return String((JSON.parse(text) as { message?: unknown }).message ?? '');
      } catch {
        return '';
      }
    })();
    const status = response.status;
    if (!probe.expect.allowed) {
      return status === probe.expect.status
        ? null
        : `${probe.label}: expected ${probe.expect.status} (${probe.expect.reason}), got ${status} ${message}`;
    }
    const refused = status === 401 || status === 403 || (status === 404 && POLICY_NOT_FOUND.test(message));
    return refused || status >= 500 ? `${probe.label}: expected access, got ${status} ${message}` : null;
  }

  it('answers every route as the policy decides, for every kind of person, case phase and agency', async () => {
    for (const target of cases)
      for (const response of await app.get(ResponsesService).responsesOf(target.found.id))
        responseStatus.set(response.id, response.status);
    const all = probes();
    // Refusals first, then the people whose access hangs on the panel, then officers and administrators,
    // whose allowed requests with minimal bodies may change the panel or the case; agency-wide last.
    const rank = (probe: Probe) =>
      !probe.expect.allowed ? 0 : probe.agencyWide ? 3 : ['officer', 'admin'].includes(probe.who) ? 2 : 1;
    const ordered = [...all].sort((a, b) => rank(a) - rank(b));
    const failures: string[] = [];
    for (const probe of ordered) {
      const failure = await outcome(probe);
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);

    // The generated set covers each way of being refused and of being let in.
    const reasons = new Set(all.map((probe) => (probe.expect.allowed ? 'allowed' : probe.expect.reason)));
    for (const reason of ['allowed', 'not-found', 'role', 'not-on-panel', 'declare-first', 'recused', 'phase'])
      expect(reasons).toContain(reason);
    expect(all.length).toBeGreaterThan(1000);
  });
});
