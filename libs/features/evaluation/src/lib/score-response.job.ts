import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor, ParsedJobPayload } from '@probity/queue';
import { AutomatedScoringService } from './automated-scoring.service';

@JobProcessor('scoring.score-response')
@Injectable()
export class ScoreResponseJob implements JobHandler<'scoring.score-response'> {
  constructor(private readonly scoring: AutomatedScoringService) {}

  handle({ responseId, revision }: ParsedJobPayload<'scoring.score-response'>) {
    return this.scoring.scoreResponse(responseId, revision);
  }
}
