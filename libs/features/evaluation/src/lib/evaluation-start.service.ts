import { Injectable } from '@nestjs/common';
import { ResponsesService } from '@probity/cases';
import { contentHash } from '@probity/questionnaires';
import { JobQueue, SCORE_BATCH_MAX } from '@probity/queue';
import { EvidenceConfirmationService } from './evidence-confirmation.service';
import { EvaluatorInvitations } from './evaluator-invitations';
import { PanelRepository } from './panel.repository';

/**
 * Starts (or restarts) a case's evaluation round: the panel is told, and the submitted responses are
 * scored in batches (`scoring.score-responses`, up to SCORE_BATCH_MAX each: one read per table and one
 * insert per batch) before the comparison. A round is named by the revisions and consensus scores it
 * covers, so the same round never runs twice; a repeated batch inserts nothing (unique score key).
 */
@Injectable()
export class EvaluationStartService {
  constructor(
    private readonly responses: ResponsesService,
    private readonly panel: PanelRepository,
    private readonly jobs: JobQueue,
    private readonly evaluatorInvitations: EvaluatorInvitations,
    private readonly evidenceConfirmations: EvidenceConfirmationService,
  ) {}

  async start(caseId: string): Promise<{ flowId: string }> {
    // The panel hears that its work can begin; a repeated start (a retry, a re-scoring round) asks nobody twice.
    await this.evaluatorInvitations.queue(caseId);
    const submitted = (await this.responses.responsesOf(caseId))
      .filter((response) => response.status === 'submitted')
      // A stable order keeps each batch's content, and so its job id, the same for the same round.
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const revisions = submitted.map((response) => [response.id, response.revision]);
    // A consensus score changes what a response scores, so a new set of them is a new round of jobs.
    const consensus = (await this.panel.consensusOfCase(caseId))
      .map((m) => `${m.responseId}/${m.questionName}=${m.consensusScore}`)
      .sort();
    // So does a new set of the panel's evidence verdicts.
    const verdicts = await this.evidenceConfirmations.roundKeyOf(caseId);
    const round = contentHash(
      verdicts.length ? { revisions, consensus, verdicts } : consensus.length ? { revisions, consensus } : revisions,
    ).slice(0, 16);
    const flowId = await this.jobs.enqueueFlow({
      parent: { name: 'scoring.compare-case', payload: { caseId }, jobId: `compare-${caseId}-${round}` },
      children: batchesOf(submitted, SCORE_BATCH_MAX).map((batch, index) => ({
        name: 'scoring.score-responses' as const,
        payload: { responses: batch.map((response) => ({ responseId: response.id, revision: response.revision })) },
        jobId: `scores-${caseId}-${round}-${index}`,
      })),
    });
    return { flowId };
  }
}

function batchesOf<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
