import type { ReviewDecisionKind } from '../model/dossier-input';
import type { DossierVersion } from './dossier-version.entity';

/** A dossier version as the case page and the API list it. */
export interface DossierVersionSummary {
  id: string;
  version: number;
  status: string;
  current: boolean;
  renderProgress: number;
  snapshotHash: string;
  pdfSha256: string | null;
  requestedAt: Date;
  renderedAt: Date | null;
  signedPdfSha256: string | null;
}

/** One line of a reviewer's queue. */
export interface ReviewQueueItem {
  dossierId: string;
  caseId: string;
  caseReference: string;
  caseTitle: string;
  version: number;
  renderedAt: Date | null;
  /** The caller's latest decision on this version's review copy, if any. */
  myDecision: ReviewDecisionKind | null;
  awaitingMe: boolean;
}

export function summaryOf(version: DossierVersion, signedPdfSha256: string | null): DossierVersionSummary {
  return {
    id: version.id,
    version: version.version,
    status: version.supersededAt ? 'superseded' : version.status,
    current: !version.supersededAt,
    renderProgress: version.renderProgress,
    snapshotHash: version.snapshotHash,
    pdfSha256: version.pdfSha256,
    requestedAt: version.requestedAt,
    renderedAt: version.renderedAt,
    signedPdfSha256,
  };
}
