import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@probity/audit';
import { CasesModule } from '@probity/cases';
import { NotificationsModule } from '@probity/notifications';
import { CASE_ACCESS } from '@probity/identity';
import { CaseAccess } from './case-access';
import { ComparisonPageController } from './comparison-page.controller';
import { ComparisonController } from './comparison.controller';
import { ComparisonService } from './comparison.service';
import { EVALUATION_ENTITIES } from './evaluation.entities';
import {
  EVIDENCE_CONFIRMATION_PROVIDERS,
  EvidenceConfirmation,
  EvidenceConfirmationService,
} from './evidence-confirmation.module-parts';
import { EvaluationResultsService } from './evaluation-results.service';
import { PanelController } from './panel.controller';
import { PanelPagesController } from './panel-pages.controller';
import { PanelWorkflowService } from './panel-workflow.service';
import { PanelService } from './panel.service';
import { EvaluatorInvitations, InviteEvaluatorsJob } from './evaluator-invitations';
import { CompareCaseJob, ScoreResponseJob, StartEvaluationJob } from './scoring-jobs';

@Module({
  imports: [
    TypeOrmModule.forFeature([...EVALUATION_ENTITIES, EvidenceConfirmation]),
    CasesModule,
    AuditModule,
    NotificationsModule,
  ],
  controllers: [
    ComparisonController,
    ComparisonPageController,
    PanelController,
    PanelPagesController,
    ...EVIDENCE_CONFIRMATION_PROVIDERS.controllers,
  ],
  providers: [
    CaseAccess,
    // The access guard of every staff route finds the case-level policy under this token.
    { provide: CASE_ACCESS, useExisting: CaseAccess },
    PanelService,
    PanelWorkflowService,
    EvaluationResultsService,
    ComparisonService,
    ScoreResponseJob,
    CompareCaseJob,
    StartEvaluationJob,
    EvaluatorInvitations,
    InviteEvaluatorsJob,
    ...EVIDENCE_CONFIRMATION_PROVIDERS.providers,
  ],
  exports: [
    CaseAccess,
    CASE_ACCESS,
    PanelService,
    PanelWorkflowService,
    EvaluationResultsService,
    ComparisonService,
    EvidenceConfirmationService,
  ],
})
export class EvaluationModule {}
