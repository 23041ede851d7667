import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor, ParsedJobPayload } from '@probity/queue';
import { BatchScoringResult, BatchScoringService } from './batch-scoring.service';

@JobProcessor('scoring.score-responses')
@Injectable()
export class ScoreResponsesJob implements JobHandler<'scoring.score-responses'> {
  constructor(private readonly scoring: BatchScoringService) {}

  async handle({ responses }: ParsedJobPayload<'scoring.score-responses'>): Promise<BatchScoringResult> {
    const result = await this.scoring.scoreResponses(responses);
    // The rest is stored; a retry recomputes only what is missing (stored keys are skipped).
    if (result.retry.length)
      throw new Error(
        `scoring failed for ${result.retry.map((entry) => `${entry.responseId}: ${entry.reason}`).join('; ')}`,
      );
    return result;
  }
}
