import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor, ParsedJobPayload } from '@probity/queue';
import { AutomatedScoringService } from './automated-scoring.service';

@JobProcessor('scoring.compare-case')
@Injectable()
export class CompareCaseJob implements JobHandler<'scoring.compare-case'> {
  constructor(private readonly scoring: AutomatedScoringService) {}

  handle({ caseId }: ParsedJobPayload<'scoring.compare-case'>) {
    return this.scoring.compareCase(caseId);
  }
}
