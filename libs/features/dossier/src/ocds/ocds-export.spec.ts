import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import type { DossierInput } from '../model/dossier-input';
import { OCDS_EXTENSIONS, OcdsExportOptions, toOcdsReleasePackage } from './ocds-export';

const NORTHWIND = '00000000-0000-4000-8000-000000000001';
const BLACKBOX = '00000000-0000-4000-8000-000000000003';

describe('toOcdsReleasePackage', () => {
  const input = sampleDossierInput();
  const options: OcdsExportOptions = {
    publishedDate: '2026-12-05T10:00:00Z',
    dossier: {
      id: '11111111-1111-4111-8111-111111111111',
      version: 2,
      url: '/api/v1/dossiers/11111111-1111-4111-8111-111111111111/pdf',
      pdfSha256: 'e'.repeat(64),
      datePublished: '2026-12-03T09:00:00.000Z',
      signed: false,
    },
  };
  const withStatus = (status: string): DossierInput => ({ ...input, case: { ...input.case, status } });

  it('is an OCDS 1.1 package with one release declaring the lots, bids and awardCriteriaBreakdown extensions', () => {
    const pkg = toOcdsReleasePackage(input, options);
    expect(pkg.version).toBe('1.1');
    expect(pkg.extensions).toEqual([
      OCDS_EXTENSIONS.lots,
      OCDS_EXTENSIONS.bids,
      OCDS_EXTENSIONS.awardCriteriaBreakdown,
    ]);
    expect(pkg.publishedDate).toBe('2026-12-05T10:00:00Z');
    expect(pkg.publisher).toEqual({ name: input.agency.name });
    expect(pkg.uri).toBe(`urn:probity:ocds:ocds-probity-${input.case.reference}:2`);
    expect(pkg.releases).toHaveLength(1);
    const [release] = pkg.releases;
    expect(release.ocid).toBe(`ocds-probity-${input.case.reference}`);
    expect(release.date).toBe('2026-12-03T09:00:00.000Z');
    expect(release.tag).toEqual(['tenderUpdate']);
    expect(release.initiationType).toBe('tender');
  });

  it('carries the case’s tender fields: title, description, value, method, periods and weighted criteria', () => {
    const { tender, buyer } = toOcdsReleasePackage(input, options).releases[0];
    expect(tender).toMatchObject({
      id: input.case.reference,
      title: input.case.title,
      description: input.case.description,
      status: 'active',
      value: { amount: 1850000, currency: 'EUR' },
      procurementMethod: 'open',
      awardCriteria: 'ratedCriteria',
      tenderPeriod: { startDate: '2026-11-01T09:00:00.000Z', endDate: '2026-12-01T09:00:00.000Z' },
      enquiryPeriod: { startDate: '2026-11-01T09:00:00.000Z', endDate: '2026-11-15T09:00:00.000Z' },
      awardPeriod: { startDate: '2026-12-02T09:00:00.000Z' },
      hasEnquiries: true,
      numberOfTenderers: 3,
      procuringEntity: buyer,
    });
    expect(tender.tenderers.map((t) => t.name)).toEqual(input.providers.map((p) => p.name));
    expect(tender.lots).toHaveLength(1);
    expect(tender.lots[0].awardCriteria.criteria.map((c) => [c.name, c.numbers[0].number])).toEqual(
      input.case.criteria.map((c) => [c.name, c.weight]),
    );
    expect(tender.documents).toEqual([
      expect.objectContaining({
        id: 'dossier-11111111-1111-4111-8111-111111111111',
        documentType: 'evaluationReports',
        title: `Evaluation dossier ${input.case.reference}, version 2 (under review)`,
        url: options.dossier!.url,
        format: 'application/pdf',
      }),
    ]);
    expect(tender.documents[0].description).toContain('e'.repeat(64));
  });

  it('leaves out the value and periods the case does not state', () => {
    const bare: DossierInput = {
      ...input,
      clarifications: [],
      case: { ...input.case, value: null, timeline: [{ label: 'Responses due', date: '2026-12-01T09:00:00.000Z' }] },
    };
    const { tender } = toOcdsReleasePackage(bare, { publishedDate: '2026-12-05T10:00:00Z' }).releases[0];
    expect(tender).not.toHaveProperty('value');
    expect(tender).not.toHaveProperty('enquiryPeriod');
    expect(tender).not.toHaveProperty('awardPeriod');
    expect(tender.tenderPeriod).toEqual({ endDate: '2026-12-01T09:00:00.000Z' });
    expect(tender.hasEnquiries).toBe(false);
    expect(tender.documents).toEqual([]);
  });

  it('lists the buyer and every tenderer as parties, with their identifiers', () => {
    const { parties } = toOcdsReleasePackage(input, options).releases[0];
    expect(parties[0]).toMatchObject({ name: input.agency.name, roles: ['buyer', 'procuringEntity'] });
    expect(parties.slice(1).map((p) => [p.id, p.roles])).toEqual(
      input.providers.map((p) => [`probity-provider-${p.id}`, ['tenderer']]),
    );
    const lei = toOcdsReleasePackage(
      {
        ...input,
        providers: [{ ...input.providers[0], legalIdentifiers: { lei: '5493001KJTIIGC8Y1R12', CRN: '0123' } }],
      },
      options,
    ).releases[0].parties[1];
    expect(lei).toMatchObject({
      identifier: { scheme: 'XI-LEI', id: '5493001KJTIIGC8Y1R12' },
      additionalIdentifiers: [{ scheme: `${input.providers[0].country}-CRN`, id: '0123' }],
    });
  });

  it('reports every response as a bid with its status and rank, and counts them consistently', () => {
    const { bids } = toOcdsReleasePackage(input, options).releases[0];
    expect(bids.details.map((b) => [b.id, b.status, b.hasRank, 'rank' in b ? b.rank : undefined])).toEqual([
      [`bid-${NORTHWIND}`, 'valid', true, 1],
      [`bid-00000000-0000-4000-8000-000000000002`, 'valid', true, 2],
      [`bid-${BLACKBOX}`, 'disqualified', false, undefined],
    ]);
    expect(bids.statistics.map((s) => [s.measure, s.value])).toEqual([
      ['bids', 3],
      ['validBids', 2],
      ['disqualifiedBids', 1],
    ]);
    const unscored: DossierInput = {
      ...input,
      providers: input.providers.map((p, i) => (i === 1 ? { ...p, standing: { kind: 'unscored' } as const } : p)),
    };
    const counted = toOcdsReleasePackage(unscored, options).releases[0].bids;
    expect(counted.details[1].status).toBe('pending');
    expect(counted.statistics.find((s) => s.measure === 'validBids')!.value).toBe(1);
  });

  it('has no award until the case is awarded', () => {
    for (const status of ['evaluation', 'dossier_review', 'signed_off', 'cancelled']) {
      const release = toOcdsReleasePackage(withStatus(status), options).releases[0];
      expect(release).not.toHaveProperty('awards');
      expect(release.tag).toEqual(['tenderUpdate']);
      expect(release.parties.flatMap((p) => p.roles)).not.toContain('supplier');
    }
    expect(toOcdsReleasePackage(withStatus('cancelled'), options).releases[0].tender.status).toBe('cancelled');
  });

  it('awards the recommended provider once the case is awarded', () => {
    const release = toOcdsReleasePackage(withStatus('awarded'), {
      ...options,
      dossier: { ...options.dossier!, signed: true },
    }).releases[0];
    expect(release.tag).toEqual(['tenderUpdate', 'award']);
    expect(release.awards).toEqual([
      {
        id: `award-${NORTHWIND}`,
        title: input.case.title,
        status: 'active',
        suppliers: [{ id: `probity-provider-${NORTHWIND}`, name: 'Northwind Vision Analytics' }],
        relatedLots: ['1'],
      },
    ]);
    expect(release.tender.status).toBe('complete');
    expect(release.parties.find((p) => p.id === `probity-provider-${NORTHWIND}`)!.roles).toEqual([
      'tenderer',
      'supplier',
    ]);
    const nobody = toOcdsReleasePackage(
      { ...withStatus('awarded'), comparison: { ...input.comparison, recommendedProviderId: null } },
      options,
    ).releases[0];
    expect(nobody).not.toHaveProperty('awards');
  });

  it('gives deterministic ids: the same dossier exported again is the same release', () => {
    const first = toOcdsReleasePackage(input, options);
    const again = toOcdsReleasePackage(sampleDossierInput(), { ...options, publishedDate: '2027-01-01T00:00:00Z' });
    expect(again.releases[0]).toEqual(first.releases[0]);
    expect(first.releases[0].id).toMatch(new RegExp(`^ocds-probity-${input.case.reference}-[0-9a-f]{16}$`));
    expect(first.releases[0].parties.map((p) => p.id)).toEqual(again.releases[0].parties.map((p) => p.id));
    expect(first.releases[0].bids.details.map((b) => b.id)).toEqual(again.releases[0].bids.details.map((b) => b.id));
  });

  it('gives a different release id whenever the release says something else', () => {
    const id = (i: DossierInput, o: OcdsExportOptions) => toOcdsReleasePackage(i, o).releases[0].id;
    const base = id(input, options);
    const variants = [
      id(input, { ...options, dossier: { ...options.dossier!, signed: true } }),
      id(input, { ...options, dossier: { ...options.dossier!, pdfSha256: null } }),
      id(input, { ...options, dossier: { ...options.dossier!, version: 3 } }),
      id(withStatus('awarded'), options),
      id(withStatus('cancelled'), options),
      id(input, { ...options, ocidPrefix: 'ocds-abc123' }),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    expect(variants[5].startsWith('ocds-abc123-')).toBe(true);
  });

  it('keeps the evaluation’s content out: no scores, answers or review records', () => {
    const text = JSON.stringify(toOcdsReleasePackage(input, options));
    expect(text).not.toContain(input.providers[0].answers.find((a) => a.answer.length > 20)!.answer);
    expect(text).not.toContain('overall');
    expect(text).not.toContain('justification');
  });
});
