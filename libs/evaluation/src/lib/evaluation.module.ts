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
import { EvaluationResultsService } from './evaluation-results.service';
import { PanelController } from './panel.controller';
import { PanelPagesController } from './panel-pages.controller';
import { PanelWorkflowService } from './panel-workflow.service';
import { PanelService } from './panel.service';
import { EvaluatorInvitations, InviteEvaluatorsJob } from './evaluator-invitations';
import { CompareCaseJob, ScoreResponseJob, StartEvaluationJob } from './scoring-jobs';
import { MethodAmendmentPublisher } from './method-amendments';
import { UnitOfWork } from '@probity/database';

@Module({
  imports: [TypeOrmModule.forFeature(EVALUATION_ENTITIES), CasesModule, AuditModule, NotificationsModule],
  controllers: [ComparisonController, ComparisonPageController, PanelController, PanelPagesController],
  providers: [
    CaseAccess,
    // The access guard of every staff route finds the case-level policy under this token.
    { provide: CASE_ACCESS, useExisting: CaseAccess },
    PanelService,
    PanelWorkflowService,
    EvaluationResultsService,
    ComparisonService,
    UnitOfWork,
    MethodAmendmentPublisher,
    ScoreResponseJob,
    CompareCaseJob,
    StartEvaluationJob,
    EvaluatorInvitations,
    InviteEvaluatorsJob,
  ],
  exports: [CaseAccess, CASE_ACCESS, PanelService, PanelWorkflowService, EvaluationResultsService, ComparisonService],
})
export class EvaluationModule {}
