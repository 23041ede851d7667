import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdf from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { AFRelationship, PDFArray, PDFDict, PDFDocument, PDFName, PDFPage, PDFString } from 'pdf-lib';
import { CadesSigner, TimestampSource } from './cades-signer';
import { drawSealAppearance } from './seal-appearance';
import { APPROVALS_ATTACHMENT, SealedApprovals } from './sealed-approvals';
import type { SealCredentials } from './seal-credentials';

/** The fragment of the link the dossier template puts around the box reserved for the visible seal. */
export const SEAL_BOX_FRAGMENT = '#dossier-seal';

/** Room for the CMS: the seal, its chain and a timestamp token with the authority's chain, in bytes. */
const SIGNATURE_BYTES = 24_576;

export interface SealRequest {
  approvals: SealedApprovals;
  /** Where readers can check the dossier: printed in the visible seal and the signature's contact info. */
  verifyUrl: string;
  credentials: SealCredentials;
  timestamp?: TimestampSource;
}

/**
 * The reserved box's page and rectangle, found by the link Chromium printed around it. The link
 * stays (it leads to the verification page and the tagged structure refers to it).
 */
function takeSealBox(document: PDFDocument): { page: PDFPage; rect: number[] } {
  for (const page of document.getPages()) {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annotations) continue;
    for (let index = 0; index < annotations.size(); index++) {
      const annotation = annotations.lookupMaybe(index, PDFDict);
      const action = annotation?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString);
      if (!annotation || !uri?.decodeText().endsWith(SEAL_BOX_FRAGMENT)) continue;
      const rect = annotation.lookup(PDFName.of('Rect'), PDFArray).asRectangle();
      return { page, rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height] };
    }
  }
  // A template without the box: a field at the foot of the last page, above the footer.
  const pages = document.getPages();
  const page = pages[pages.length - 1];
  const { width } = page.getSize();
  return { page, rect: [45, 60, width - 45, 130] };
}

/**
 * Seals the final dossier bytes as given: embeds approvals.json, adds one PAdES signature field
 * (ETSI.CAdES.detached) with a visible appearance on the sign-off page, and signs the whole file.
 * Nothing may be added afterwards: any later byte falls outside the signed range.
 */
export async function sealPdf(pdf: Uint8Array, request: SealRequest): Promise<Buffer> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const { approvals } = request;
  const signedAt = new Date(approvals.signedAt);
  await document.attach(Buffer.from(JSON.stringify(approvals, null, 2), 'utf8'), APPROVALS_ATTACHMENT, {
    mimeType: 'application/json',
    description: 'Legal reviewers\u2019 approvals sealed with this dossier',
    creationDate: signedAt,
    modificationDate: signedAt,
    afRelationship: AFRelationship.Data,
  });
  const { page, rect } = takeSealBox(document);
  const reviewers = approvals.approvals.map((approval) => approval.name).join(', ');
  pdflibAddPlaceholder({
    pdfDoc: document,
    pdfPage: page,
    reason: `Evaluation dossier ${approvals.caseReference} version ${approvals.version}, approved by ${reviewers}`,
    contactInfo: request.verifyUrl,
    name: approvals.sealedBy,
    location: approvals.sealedBy,
    signingTime: signedAt,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: rect,
    appName: 'Probity',
  });
  await drawSealAppearance(document, page, rect, [
    `Sealed by ${approvals.sealedBy} on ${approvals.signedAt.slice(0, 16).replace('T', ' ')} UTC`,
    `Approved by ${approvals.approvals.map((a) => `${a.name} (${a.role})`).join(', ')}`,
    `Seal certificate: ${request.credentials.subject}`,
    `Check: the signature panel of your PDF reader, or ${request.verifyUrl}`,
  ]);
  const prepared = await document.save({ useObjectStreams: false });
  return signpdf.sign(Buffer.from(prepared), new CadesSigner(request.credentials, request.timestamp));
}
