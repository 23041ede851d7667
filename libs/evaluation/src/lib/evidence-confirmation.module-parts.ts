import { UnitOfWork } from '@probity/database';
import { EvidenceCheckPageController } from './evidence-check-page.controller';
import { EvidenceConfirmationController } from './evidence-confirmation.controller';
import { EvidenceConfirmation } from './evidence-confirmation.entity';
import { EvidenceConfirmationRepository } from './evidence-confirmation.repository';
import { EvidenceConfirmationService } from './evidence-confirmation.service';

export { EvidenceConfirmation, EvidenceConfirmationService };

/** The "evidence supports the claim" step's parts, registered by EvaluationModule in one line each. */
export const EVIDENCE_CONFIRMATION_PROVIDERS = {
  controllers: [EvidenceConfirmationController, EvidenceCheckPageController],
  providers: [UnitOfWork, EvidenceConfirmationRepository, EvidenceConfirmationService],
};
