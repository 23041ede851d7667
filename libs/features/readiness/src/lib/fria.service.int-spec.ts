import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProcurementCase } from '@probity/cases';
import { Agency } from '@probity/identity';
import { aCase } from '@probity/testing';
import { anOfficerAuthor, ReadinessHarness, startReadinessHarness } from '../testing/readiness-harness';
import { FriaService } from './fria.service';

describe('FriaService (real PostgreSQL)', () => {
  let harness: ReadinessHarness;
  let fria: FriaService;
  let dataSource: DataSource;
  const author = anOfficerAuthor();

  beforeAll(async () => {
    harness = await startReadinessHarness();
    fria = harness.moduleRef.get(FriaService);
    dataSource = harness.dataSource;
  });

  afterAll(() => harness?.close());

  async function aStoredCase(status: 'evaluation' | 'cancelled' = 'evaluation'): Promise<ProcurementCase> {
    const agencyId = randomUUID();
    await dataSource.getRepository(Agency).insert({ id: agencyId, name: `Agency ${agencyId}` });
    const found = aCase({ agencyId, status }) as ProcurementCase;
    await dataSource.getRepository(ProcurementCase).insert(found as never);
    return found;
  }

  const auditOf = (caseId: string) =>
    dataSource.query<Array<{ action: string; before: unknown; after: unknown; actor_label: string }>>(
      `SELECT action, before, after, actor_label FROM audit_entries WHERE subject_id = $1 ORDER BY seq`,
      [caseId],
    );

  it('stores the agency’s text per heading, audits each change, and clears a heading written empty', async () => {
    const found = await aStoredCase();
    await fria.writeHeadings(
      found,
      { a: ' Post-event search by trained analysts. ', c: 'Suspects and bystanders.' },
      author,
    );
    await fria.writeHeadings(found, { a: 'Post-event search by trained analysts.', c: '' }, author);
    const { headings } = await fria.friaOf(found.id);
    expect(headings.map((h) => [h.headingKey, h.text, h.writtenByName])).toEqual([
      ['a', 'Post-event search by trained analysts.', 'Olga Officer'],
    ]);
    // (a) unchanged the second time: three audited changes, not four.
    expect(await auditOf(found.id)).toEqual([
      expect.objectContaining({ action: 'fria.heading-written', before: { heading: 'a', text: null } }),
      expect.objectContaining({
        action: 'fria.heading-written',
        after: { heading: 'c', text: 'Suspects and bystanders.' },
      }),
      expect.objectContaining({
        action: 'fria.heading-written',
        before: { heading: 'c', text: 'Suspects and bystanders.' },
        after: { heading: 'c', text: null },
        actor_label: 'Olga Officer (procurement officer)',
      }),
    ]);
    const part = await fria.dossierPart(found.id);
    expect(part.fria).toEqual([
      expect.objectContaining({ key: 'a', text: 'Post-event search by trained analysts.', writtenBy: 'Olga Officer' }),
    ]);
  });

  it('refuses an unknown heading (404), an over-long text (422) and a cancelled case (409), storing nothing', async () => {
    const found = await aStoredCase();
    await expect(fria.writeHeadings(found, { g: 'x' }, author)).rejects.toMatchObject({ status: 404 });
    await expect(fria.writeHeadings(found, { a: 'ok', b: 'x'.repeat(20001) }, author)).rejects.toMatchObject({
      status: 422,
    });
    const cancelled = await aStoredCase('cancelled');
    await expect(fria.writeHeadings(cancelled, { a: 'x' }, author)).rejects.toMatchObject({ status: 409 });
    expect((await fria.friaOf(found.id)).headings).toEqual([]);
    expect(await auditOf(found.id)).toEqual([]);
  });

  it('records consultations in date order with the group’s name for the dossier, and audits them', async () => {
    const found = await aStoredCase();
    const now = new Date('2026-12-03T12:00:00Z');
    const base = {
      stakeholder: 'Data-protection officer of the agency',
      said: 'Keep logs for six months.',
      changed: 'Retention set to 6 months.',
    };
    await fria.recordConsultation(
      found,
      { ...base, group: 'data-protection-officer', heldOn: '2026-11-28' },
      author,
      now,
    );
    await fria.recordConsultation(
      found,
      { ...base, group: 'civil-society', stakeholder: 'Rights Watch', heldOn: '2026-11-02' },
      author,
      now,
    );
    await expect(
      fria.recordConsultation(found, { ...base, group: 'civil-society', heldOn: '2026-12-04' }, author, now),
    ).rejects.toMatchObject({ status: 422 });
    const part = await fria.dossierPart(found.id);
    expect(part.consultations.map((c) => [c.group, c.stakeholder, c.heldOn])).toEqual([
      ['Civil society', 'Rights Watch', '2026-11-02'],
      ['Data-protection officer', 'Data-protection officer of the agency', '2026-11-28'],
    ]);
    expect((await auditOf(found.id)).map((e) => e.action)).toEqual([
      'fria.consultation-recorded',
      'fria.consultation-recorded',
    ]);
  });
});
