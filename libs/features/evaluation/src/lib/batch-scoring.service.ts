import { Injectable, Logger } from '@nestjs/common';
import { CasesService, EvidenceService, ProcurementCase, ResponsesService } from '@probity/cases';
import { InvalidJobPayloadError } from '@probity/queue';
import { asInvalidPayload } from './automated-scoring.service';
import { EvidenceConfirmationService } from './evidence-confirmation.service';
import { PanelService } from './panel.service';
import { computeScoreRow, ScoreRow } from './score-computation';
import { ScoringResultsRepository } from './scoring-results.repository';

const JOB = 'scoring.score-responses';

export interface ResponseRevision {
  responseId: string;
  revision: number;
}

export interface BatchScoringResult {
  /** Sheets computed (stored now, or already stored under the same key). */
  scored: number;
  /** Rows this call inserted; a repeated batch inserts none. */
  created: number;
  /** Revisions superseded by a resubmission: their newer revision has its own job. */
  skipped: Array<ResponseRevision & { reason: string }>;
  /** Revisions that can never be scored as asked (missing, not submitted, input the scorer rejects). */
  failed: Array<ResponseRevision & { reason: string }>;
  /** Revisions that failed for another reason (worth retrying); the rest of the batch is stored. */
  retry: Array<ResponseRevision & { reason: string }>;
}

/**
 * Scores many submitted response revisions per round trip: the responses, their evidence, panel
 * consensus scores and evidence verdicts are each read in one query, every sheet is computed as the
 * single job computes it (computeScoreRow), and all are stored with one multi-row insert that skips
 * keys already stored. One response that cannot be scored is reported and the others are stored.
 */
@Injectable()
export class BatchScoringService {
  private readonly logger = new Logger(BatchScoringService.name);

  constructor(
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly evidence: EvidenceService,
    private readonly panel: PanelService,
    private readonly evidenceConfirmations: EvidenceConfirmationService,
    private readonly results: ScoringResultsRepository,
  ) {}

  async scoreResponses(requested: ResponseRevision[]): Promise<BatchScoringResult> {
    const ids = [...new Set(requested.map((request) => request.responseId))];
    const [responses, evidence, panelScores, verdicts] = await Promise.all([
      this.responses.getResponses(ids),
      this.evidence.evidenceOfResponses(ids),
      this.panel.consensusScoresOf(ids),
      this.evidenceConfirmations.verdictsOfResponses(ids),
    ]);
    const responseById = new Map(responses.map((response) => [response.id, response]));
    // Usually one case per batch; its questionnaire copy is cached by content hash.
    const casesById = new Map<string, Promise<ProcurementCase>>();
    const caseOf = (caseId: string) => {
      let found = casesById.get(caseId);
      if (!found) casesById.set(caseId, (found = this.cases.getCase(caseId)));
      return found;
    };

    const result: BatchScoringResult = { scored: 0, created: 0, skipped: [], failed: [], retry: [] };
    const rows: ScoreRow[] = [];
    for (const { responseId, revision } of requested) {
      try {
        const response = responseById.get(responseId);
        if (!response) throw new InvalidJobPayloadError(JOB, `response ${responseId} does not exist`);
        if (response.status !== 'submitted')
          throw new InvalidJobPayloadError(JOB, `response ${responseId} is not submitted`);
        if (response.revision !== revision) {
          result.skipped.push({
            responseId,
            revision,
            reason: `revision ${revision} is superseded by ${response.revision}`,
          });
          continue;
        }
        const procurementCase = await caseOf(response.caseId);
        rows.push(
          asInvalidPayload(JOB, () =>
            computeScoreRow({
              response,
              revision,
              procurementCase,
              panelScores: panelScores.get(responseId) ?? {},
              evidence: evidence.get(responseId) ?? [],
              verdicts: verdicts.get(responseId) ?? [],
            }),
          ),
        );
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        (error instanceof InvalidJobPayloadError ? result.failed : result.retry).push({ responseId, revision, reason });
        this.logger.warn({ responseId, revision, err: reason }, 'response left out of its scoring batch');
      }
    }
    result.scored = rows.length;
    // The unique key (response, revision, scoring version, input hash) makes a retried batch insert nothing twice.
    result.created = await this.results.insertScoresOnce(rows);
    return result;
  }
}
