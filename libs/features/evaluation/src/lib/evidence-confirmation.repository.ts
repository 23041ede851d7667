import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@probity/database';
import { In } from 'typeorm';
import { EvidenceConfirmation } from './evidence-confirmation.entity';

export interface ConfirmationInput {
  caseId: string;
  responseId: string;
  questionName: string;
  evaluatorId: string;
  supports: boolean;
  note: string;
}

/** The `evidence_confirmations` table: the panel's "evidence supports the claim" verdicts. */
@Injectable()
export class EvidenceConfirmationRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get confirmations() {
    return this.unitOfWork.manager.getRepository(EvidenceConfirmation);
  }

  /** Records or replaces one panel member's verdict; the unique key makes a retry replace, never duplicate. */
  async upsert(input: ConfirmationInput): Promise<EvidenceConfirmation> {
    await this.confirmations
      .createQueryBuilder()
      .insert()
      .values({ id: randomUUID(), ...input, updatedAt: () => 'now()' })
      .orUpdate(['supports', 'note', 'updated_at'], ['response_id', 'question_name', 'evaluator_id'])
      .execute();
    return this.confirmations.findOneByOrFail({
      responseId: input.responseId,
      questionName: input.questionName,
      evaluatorId: input.evaluatorId,
    });
  }

  findOne(responseId: string, questionName: string, evaluatorId: string): Promise<EvidenceConfirmation | null> {
    return this.confirmations.findOneBy({ responseId, questionName, evaluatorId });
  }

  /** One panel member's verdicts on one response (blind: never anyone else's). */
  ofEvaluator(responseId: string, evaluatorId: string): Promise<EvidenceConfirmation[]> {
    return this.confirmations.find({ where: { responseId, evaluatorId }, order: { questionName: 'ASC' } });
  }

  /** Every verdict on one response, for the scorer and the dossier. */
  ofResponse(responseId: string): Promise<EvidenceConfirmation[]> {
    return this.confirmations.find({ where: { responseId }, order: { questionName: 'ASC', evaluatorId: 'ASC' } });
  }

  /** The verdicts on several responses in one query, in the order ofResponse gives each. */
  ofResponses(responseIds: string[]): Promise<EvidenceConfirmation[]> {
    if (!responseIds.length) return Promise.resolve([]);
    return this.confirmations.find({
      where: { responseId: In(responseIds) },
      order: { responseId: 'ASC', questionName: 'ASC', evaluatorId: 'ASC' },
    });
  }

  /** Every verdict in one case, for the key of a scoring round. */
  ofCase(caseId: string): Promise<EvidenceConfirmation[]> {
    return this.confirmations.find({
      where: { caseId },
      order: { responseId: 'ASC', questionName: 'ASC', evaluatorId: 'ASC' },
    });
  }
}
