import { Injectable } from '@nestjs/common';
import { ResponsesService } from '@probity/cases';
import { contentHash } from '@probity/questionnaires';
import { JobQueue } from '@probity/queue';
import { EvaluatorInvitations } from './evaluator-invitations';
import { PanelRepository } from './panel.repository';

/**
 * Starts (or restarts) a case's evaluation round: the panel is told, and one scoring job per submitted
 * response runs before the comparison. A round is named by the revisions and consensus scores it
 * covers, so the same round never runs twice.
 */
@Injectable()
export class EvaluationStartService {
  constructor(
    private readonly responses: ResponsesService,
    private readonly panel: PanelRepository,
    private readonly jobs: JobQueue,
    private readonly evaluatorInvitations: EvaluatorInvitations,
  ) {}

  async start(caseId: string): Promise<{ flowId: string }> {
    // The panel hears that its work can begin; a repeated start (a retry, a re-scoring round) asks nobody twice.
    await this.evaluatorInvitations.queue(caseId);
    const submitted = (await this.responses.responsesOf(caseId)).filter((response) => response.status === 'submitted');
    const revisions = submitted.map((response) => [response.id, response.revision]);
    // A consensus score changes what a response scores, so a new set of them is a new round of jobs.
    const consensus = (await this.panel.consensusOfCase(caseId))
      .map((m) => `${m.responseId}/${m.questionName}=${m.consensusScore}`)
      .sort();
    const round = contentHash(consensus.length ? { revisions, consensus } : revisions).slice(0, 16);
    const flowId = await this.jobs.enqueueFlow({
      parent: { name: 'scoring.compare-case', payload: { caseId }, jobId: `compare-${caseId}-${round}` },
      children: submitted.map((response) => ({
        name: 'scoring.score-response' as const,
        payload: { responseId: response.id, revision: response.revision },
        jobId: `score-${response.id}-r${response.revision}-for-${round}`,
      })),
    });
    return { flowId };
  }
}
