import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CasesService, ProcurementCase } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { READINESS_ITEMS } from '../model/readiness-checklist';
import { FriaService } from './fria.service';
import {
  ALL_FRIA_HEADINGS,
  anOfficerAuthor,
  ReadinessHarness,
  startReadinessHarness,
} from '../testing/readiness-harness';
import { OpenReadinessItemsException, ReadinessService } from './readiness.service';

describe('ReadinessService (real PostgreSQL)', () => {
  let harness: ReadinessHarness;
  let readiness: ReadinessService;
  let cases: CasesService;
  let dataSource: DataSource;
  let agencyId: string;
  const author = anOfficerAuthor();

  beforeAll(async () => {
    harness = await startReadinessHarness();
    ({ dataSource } = harness);
    readiness = harness.moduleRef.get(ReadinessService);
    cases = harness.moduleRef.get(CasesService);
    agencyId = (await harness.moduleRef.get(IdentityService).createAgency('Readiness agency')).id;
  });

  afterAll(() => harness?.close());

  const writeEveryHeading = (found: ProcurementCase) =>
    harness.moduleRef.get(FriaService).writeHeadings(found, ALL_FRIA_HEADINGS, author);

  /** A high-risk demo case, moved straight to the status a test needs. */
  async function anAwardedCase(status = 'awarded'): Promise<ProcurementCase> {
    const created = await cases.createCase(agencyId, {
      ...demoCase(new Date()),
      reference: `R-${randomUUID().slice(0, 8)}`,
    });
    await dataSource.getRepository(ProcurementCase).update(created.id, { status: status as never });
    return cases.getCase(created.id);
  }

  const close = (found: ProcurementCase, key: string) =>
    readiness.updateItem(
      found,
      key,
      { status: 'done', owner: 'Olga Officer', evidence: `Evidence for ${key}` },
      author,
    );

  it('stores an item’s status, owner, due date and evidence, and audits the change', async () => {
    const found = await anAwardedCase();
    const row = await readiness.updateItem(
      found,
      'dpia',
      { status: 'in-progress', owner: ' Data-protection officer ', dueOn: '2027-01-31', evidence: '' },
      author,
    );
    expect(row).toMatchObject({
      status: 'in-progress',
      owner: 'Data-protection officer',
      dueOn: '2027-01-31',
      mandatory: true,
      closed: false,
    });
    const audit = await dataSource.query<Array<{ action: string; before: unknown; after: unknown }>>(
      `SELECT action, before, after FROM audit_entries WHERE subject_id = $1 AND action LIKE 'readiness.%'`,
      [found.id],
    );
    expect(audit).toEqual([
      {
        action: 'readiness.item-updated',
        before: { item: 'dpia', status: 'not-started' },
        after: {
          item: 'dpia',
          status: 'in-progress',
          owner: 'Data-protection officer',
          dueOn: '2027-01-31',
          evidence: '',
        },
      },
    ]);
    await expect(readiness.updateItem(found, 'dpia', { status: 'done', owner: 'DPO' }, author)).rejects.toMatchObject({
      status: 422,
    });
  });

  it('refuses to put the system into use while a mandatory item is open (409 listing it), then allows it', async () => {
    const found = await anAwardedCase();
    const mandatory = READINESS_ITEMS.filter((i) => i.key !== 'budget-skills' && i.key !== 'fria');
    for (const item of mandatory) await close(found, item.key);
    // The FRIA item closes only once all six headings are written.
    await expect(close(found, 'fria')).rejects.toMatchObject({ status: 422 });
    const refusal = await readiness.putIntoUse(found, author).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(OpenReadinessItemsException);
    expect((refusal as OpenReadinessItemsException).getStatus()).toBe(409);
    expect((refusal as OpenReadinessItemsException).getResponse()).toMatchObject({
      openItems: [{ key: 'fria', status: 'not-started' }],
    });
    expect((await cases.getCase(found.id)).status).toBe('awarded');

    await writeEveryHeading(found);
    await close(found, 'fria');
    // Budget and skills is recommended, not mandatory: it may stay open.
    const inUse = await readiness.putIntoUse(found, author);
    expect(inUse.status).toBe('in_use');
  });

  it('puts into use only an awarded case: a signed-off one is refused by the lifecycle with its reason', async () => {
    const found = await anAwardedCase('signed_off');
    await writeEveryHeading(found);
    for (const item of READINESS_ITEMS.filter((i) => i.key !== 'budget-skills')) await close(found, item.key);
    await expect(readiness.putIntoUse(found, author)).rejects.toMatchObject({
      status: 409,
      message: 'Cannot move a signed off case to in use: a system is put into use only after the award.',
    });
  });
});
