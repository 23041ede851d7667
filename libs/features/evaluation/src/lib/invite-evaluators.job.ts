import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor, ParsedJobPayload } from '@probity/queue';
import { EvaluatorInvitations } from './evaluator-invitations';

/** Queued by a panel change during evaluation: an evaluator added then is told as those at the start were. */
@JobProcessor('evaluation.invite-evaluators')
@Injectable()
export class InviteEvaluatorsJob implements JobHandler<'evaluation.invite-evaluators'> {
  constructor(private readonly invitations: EvaluatorInvitations) {}

  async handle({ caseId }: ParsedJobPayload<'evaluation.invite-evaluators'>): Promise<{ invited: string[] }> {
    return { invited: await this.invitations.queue(caseId) };
  }
}
