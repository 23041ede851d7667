import { contentHash } from '@probity/questionnaires';
import type { DossierInput, DossierProvider } from '../model/dossier-input';
import { ocdsScoringModel } from './ocds-scoring-model';

/**
 * Extensions the package declares. The OCDS extension registry publishes each extension's
 * extension.json at these repositories; check the versions before publishing to a registry.
 */
export const OCDS_EXTENSIONS = {
  lots: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
  bids: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
  awardCriteriaBreakdown:
    'https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteriaBreakdown_extension/master/extension.json',
} as const;

export interface OcdsExportOptions {
  /** The publisher's registered OCID prefix; "ocds-probity" is a placeholder until the agency registers one. */
  ocidPrefix?: string;
  publisher?: { name: string; uri?: string };
  /** URI of this package (where it is published). */
  uri?: string;
  publishedDate: string;
  /** The evaluation dossier to list as an evaluationReports document. */
  dossier?: {
    id: string;
    version: number;
    url: string;
    pdfSha256: string | null;
    datePublished: string;
    signed: boolean;
  };
}

const LOT_ID = '1';

function partyId(provider: Pick<DossierProvider, 'id'>): string {
  return `probity-provider-${provider.id}`;
}

function identifierOf(provider: DossierProvider) {
  const entries = Object.entries(provider.legalIdentifiers);
  const lei = entries.find(([scheme]) => scheme.toUpperCase() === 'LEI');
  const identifier = lei ? { scheme: 'XI-LEI', id: lei[1], legalName: provider.name } : { legalName: provider.name };
  const additionalIdentifiers = entries
    .filter(([scheme]) => scheme.toUpperCase() !== 'LEI')
    .map(([scheme, id]) => ({ scheme: `${provider.country}-${scheme.toUpperCase()}`, id, legalName: provider.name }));
  return { identifier, ...(additionalIdentifiers.length ? { additionalIdentifiers } : {}) };
}

function bidStatus(provider: DossierProvider): 'valid' | 'disqualified' | 'pending' {
  if (provider.standing.kind === 'disqualified') return 'disqualified';
  return provider.standing.kind === 'ranked' ? 'valid' : 'pending';
}

const dateOf = (input: DossierInput, label: string) => input.case.timeline.find((t) => t.label === label)?.date ?? null;

/**
 * The case as an OCDS 1.1 release package: buyer and procuring entity, tenderers as parties, the
 * tender with its single lot carrying the published award criteria and weights (awardCriteriaBreakdown
 * extension, which needs the lots extension), every submitted response as a bid with its status and
 * rank (bids extension), the evaluation dossier as an `evaluationReports` document and, once the case
 * is awarded, the award to the recommended provider. Scores, answers and review records stay out: OCDS
 * carries the procedure, not the evaluation's content.
 */
export function toOcdsReleasePackage(input: DossierInput, options: OcdsExportOptions) {
  const ocid = `${options.ocidPrefix ?? 'ocds-probity'}-${input.case.reference}`;
  const buyerId = `probity-agency-${input.agency.identifier?.id ?? input.case.id}`;
  const publisher = options.publisher ?? { name: input.agency.name };
  const tenderers = input.providers.map((p) => ({ id: partyId(p), name: p.name }));
  const published = dateOf(input, 'Tender published');
  const responsesDue = dateOf(input, 'Responses due');
  const questionsDue = dateOf(input, 'Clarification questions due');
  const evaluationStarted = dateOf(input, 'Evaluation started');
  const disqualified = input.providers.filter((p) => p.standing.kind === 'disqualified');
  const valid = input.providers.filter((p) => bidStatus(p) === 'valid');
  // Only an awarded case has an award: until then the recommendation is the panel's, not a decision.
  const awarded =
    input.case.status === 'awarded' || input.case.status === 'in_use'
      ? (input.providers.find((p) => p.id === input.comparison.recommendedProviderId) ?? null)
      : null;
  const tenderStatus = input.case.status === 'cancelled' ? 'cancelled' : awarded ? 'complete' : 'active';
  const model = ocdsScoringModel(input, LOT_ID);

  const content = {
    // The dossier's date, not the export's: exporting the same dossier again gives the same release.
    date: options.dossier?.datePublished ?? options.publishedDate,
    tag: awarded ? ['tenderUpdate', 'award'] : ['tenderUpdate'],
    initiationType: 'tender',
    language: 'en',
    parties: [
      {
        id: buyerId,
        name: input.agency.name,
        ...(input.agency.identifier
          ? {
              identifier: {
                scheme: input.agency.identifier.scheme,
                id: input.agency.identifier.id,
                legalName: input.agency.name,
              },
            }
          : {}),
        ...(input.agency.country ? { address: { countryName: input.agency.country } } : {}),
        roles: ['buyer', 'procuringEntity'],
      },
      ...input.providers.map((p) => ({
        id: partyId(p),
        name: p.name,
        ...identifierOf(p),
        address: { countryName: p.country },
        roles: p.id === awarded?.id ? ['tenderer', 'supplier'] : ['tenderer'],
      })),
    ],
    buyer: { id: buyerId, name: input.agency.name },
    tender: {
      id: input.case.reference,
      title: input.case.title,
      description: input.case.description,
      status: tenderStatus,
      procuringEntity: { id: buyerId, name: input.agency.name },
      ...(input.case.value ? { value: { amount: input.case.value.amount, currency: input.case.value.currency } } : {}),
      procurementMethod: input.case.procurementMethod,
      mainProcurementCategory: 'services',
      awardCriteria: 'ratedCriteria',
      awardCriteriaDetails:
        model?.awardCriteriaDetails ??
        'Most economically advantageous tender on quality: a published responsible-AI questionnaire scored by published rules and a moderated panel, weighted by the five core principles of the INTERPOL–UNICRI Toolkit; knock-out rules exclude a tender.',
      submissionMethod: ['electronicSubmission'],
      ...(published || responsesDue
        ? {
            tenderPeriod: {
              ...(published ? { startDate: published } : {}),
              ...(responsesDue ? { endDate: responsesDue } : {}),
            },
          }
        : {}),
      ...(questionsDue
        ? { enquiryPeriod: { ...(published ? { startDate: published } : {}), endDate: questionsDue } }
        : {}),
      hasEnquiries: input.clarifications.length > 0,
      ...(evaluationStarted ? { awardPeriod: { startDate: evaluationStarted } } : {}),
      numberOfTenderers: input.providers.length,
      tenderers,
      lots: [
        {
          id: LOT_ID,
          title: input.case.title,
          status: tenderStatus,
          awardCriteria: {
            criteria:
              model?.criteria ??
              input.case.criteria.map((criterion) => ({
                type: 'quality',
                name: criterion.name,
                description:
                  criterion.description ?? `Sub-criteria: ${criterion.subCriteria.map((s) => s.name).join('; ')}.`,
                numbers: [{ number: criterion.weight, weight: 'percentageExact' }],
              })),
          },
        },
      ],
      documents: options.dossier
        ? [
            {
              id: `dossier-${options.dossier.id}`,
              documentType: 'evaluationReports',
              title: `Evaluation dossier ${input.case.reference}, version ${options.dossier.version}${options.dossier.signed ? ' (signed)' : ' (under review)'}`,
              description: options.dossier.pdfSha256
                ? `PDF, SHA-256 ${options.dossier.pdfSha256}. Verify by uploading it at /verify on the agency's Probity.`
                : 'PDF being rendered.',
              url: options.dossier.url,
              datePublished: options.dossier.datePublished,
              format: 'application/pdf',
              language: 'en',
            },
          ]
        : [],
    },
    bids: {
      statistics: [
        { id: 'bids', measure: 'bids', value: input.providers.length },
        { id: 'validBids', measure: 'validBids', value: valid.length },
        { id: 'disqualifiedBids', measure: 'disqualifiedBids', value: disqualified.length },
        ...(model?.statistics ?? []),
      ],
      details: input.providers.map((p) => ({
        id: `bid-${p.id}`,
        ...(p.submittedAt ? { date: p.submittedAt } : {}),
        status: bidStatus(p),
        tenderers: [{ id: partyId(p), name: p.name }],
        relatedLots: [LOT_ID],
        hasRank: p.standing.kind === 'ranked',
        ...(p.standing.kind === 'ranked' ? { rank: p.standing.rank } : {}),
      })),
    },
    ...(awarded
      ? {
          awards: [
            {
              id: `award-${awarded.id}`,
              title: input.case.title,
              status: 'active',
              suppliers: [{ id: partyId(awarded), name: awarded.name }],
              relatedLots: [LOT_ID],
            },
          ],
        }
      : {}),
  };
  // A release id names one exact release (OCDS: the same id must never carry other content), so it is
  // derived from the content: re-exporting gives the same id, and any change (a signature, an award,
  // a rendered PDF's hash) gives a new one.
  const release = { ocid, id: `${ocid}-${contentHash({ ocid, ...content }).slice(0, 16)}`, ...content };

  return {
    uri: options.uri ?? `urn:probity:ocds:${ocid}:${options.dossier?.version ?? 0}`,
    version: '1.1',
    extensions: [OCDS_EXTENSIONS.lots, OCDS_EXTENSIONS.bids, OCDS_EXTENSIONS.awardCriteriaBreakdown],
    publishedDate: options.publishedDate,
    publisher,
    releases: [release],
  };
}

export type OcdsReleasePackage = ReturnType<typeof toOcdsReleasePackage>;
