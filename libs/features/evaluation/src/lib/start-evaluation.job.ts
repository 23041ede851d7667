import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor, ParsedJobPayload } from '@probity/queue';
import { EvaluationStartService } from './evaluation-start.service';

@JobProcessor('evaluation.start')
@Injectable()
export class StartEvaluationJob implements JobHandler<'evaluation.start'> {
  constructor(private readonly evaluation: EvaluationStartService) {}

  handle({ caseId }: ParsedJobPayload<'evaluation.start'>) {
    return this.evaluation.start(caseId);
  }
}
