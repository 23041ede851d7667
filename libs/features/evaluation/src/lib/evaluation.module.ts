import { Module } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@probity/audit';
import { CasesModule } from '@probity/cases';
import { IdentityModule, CASE_ACCESS } from '@probity/identity';
import { NotificationsModule } from '@probity/notifications';
import { AutomatedScoringService } from './automated-scoring.service';
import { CaseAccess } from './case-access';
import { CompareCaseJob } from './compare-case.job';
import { ComparisonPageController } from './comparison-page.controller';
import { ComparisonController } from './comparison.controller';
import { ComparisonService } from './comparison.service';
import { ConflictDeclarationsService } from './conflict-declarations.service';
import { EVALUATION_ENTITIES } from './evaluation.entities';
import { EvaluationPagesController } from './evaluation-pages.controller';
import { EvidenceCheckPageController } from './evidence-check-page.controller';
import { EvidenceConfirmationController } from './evidence-confirmation.controller';
import { EvidenceConfirmationRepository } from './evidence-confirmation.repository';
import { EvidenceConfirmationService } from './evidence-confirmation.service';
import { EvaluationResultsService } from './evaluation-results.service';
import { EvaluationStartService } from './evaluation-start.service';
import { EvaluatorInvitations } from './evaluator-invitations';
import { InviteEvaluatorsJob } from './invite-evaluators.job';
import { ModerationPagesController } from './moderation-pages.controller';
import { ModerationService } from './moderation.service';
import { PanelController } from './panel.controller';
import { PanelRepository } from './panel.repository';
import { PanelService } from './panel.service';
import { PriceRepository } from './price.repository';
import { ScoreResponseJob } from './score-response.job';
import { ScoreResponsesJob } from './score-responses.job';
import { BatchScoringService } from './batch-scoring.service';
import { ScoringPagesController } from './scoring-pages.controller';
import { ScoringResultsRepository } from './scoring-results.repository';
import { ScoringWorkspaceService } from './scoring-workspace.service';
import { StartEvaluationJob } from './start-evaluation.job';
import { MethodAmendmentPublisher } from './method-amendments';

/** The services other libraries use (the pages of dossier, tendering and readiness among them). */
const SERVICES = [
  PanelService,
  ConflictDeclarationsService,
  ScoringWorkspaceService,
  ModerationService,
  EvaluationResultsService,
  ComparisonService,
  EvidenceConfirmationService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(EVALUATION_ENTITIES),
    CasesModule,
    IdentityModule,
    AuditModule,
    NotificationsModule,
  ],
  controllers: [
    ComparisonController,
    ComparisonPageController,
    PanelController,
    EvaluationPagesController,
    ScoringPagesController,
    ModerationPagesController,
    EvidenceConfirmationController,
    EvidenceCheckPageController,
  ],
  providers: [
    PanelRepository,
    ScoringResultsRepository,
    PriceRepository,
    CaseAccess,
    // The access guard of every staff route finds the case-level policy under this token.
    { provide: CASE_ACCESS, useExisting: CaseAccess },
    ...SERVICES,
    AutomatedScoringService,
    EvaluationStartService,
    EvaluatorInvitations,
    MethodAmendmentPublisher,
    ScoreResponseJob,
    ScoreResponsesJob,
    BatchScoringService,
    CompareCaseJob,
    StartEvaluationJob,
    InviteEvaluatorsJob,
    UnitOfWork,
    EvidenceConfirmationRepository,
  ],
  exports: [CaseAccess, CASE_ACCESS, ...SERVICES],
})
export class EvaluationModule {}
