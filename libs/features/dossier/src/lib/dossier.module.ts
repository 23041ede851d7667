import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@probity/audit';
import { CasesModule } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { EvaluationModule } from '@probity/evaluation';
import { IdentityModule } from '@probity/identity';
import { NotificationsModule } from '@probity/notifications';
import { PdfRenderingModule } from '@probity/pdf-rendering';
import { ReadinessModule } from '@probity/readiness';
import { CaseDossierInputSource, DossierInputSource } from './case-dossier-source';
import { RenderDossierJob, SignDossierJob } from './dossier-jobs';
import { DossierRenderer } from './dossier-renderer';
import { DossierPagesController } from './dossier-pages.controller';
import { DossierVerificationController } from './dossier-verification.controller';
import { DossierController } from './dossier.controller';
import { DossierWorkflowService } from './dossier-workflow.service';
import { SignOffRequests } from './sign-off-requests';
import { DossierVersion } from './dossier-version.entity';
import { DossierService } from './dossier.service';
import { DOSSIER_ENTITIES } from './review.entities';
import { DossierVersionRepository } from './dossier-version.repository';
import { ReviewQueue } from './review-queue';
import { ReviewRepository } from './review.repository';
import { DossierReviewService } from './review.service';
import { DossierSeal } from '../signing/dossier-seal';
import { RiskRegisterAssembler } from './risk/risk-register-assembler';
import { RiskRegisterController } from './risk/risk-register.controller';
import { RiskRegisterPagesController } from './risk/risk-register-pages.controller';
import { RiskAppetitePagesController } from './risk/risk-appetite-pages.controller';
import { RISK_ENTITIES } from './risk/risk-register.entities';
import { RiskRegisterRepository } from './risk/risk-register.repository';
import { RiskRegisterService } from './risk/risk-register.service';

/** Dossier versions, rendering and signing jobs, review and verification. Imported by the api and the worker. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DossierVersion, ...DOSSIER_ENTITIES, ...RISK_ENTITIES]),
    AuditModule,
    CasesModule,
    EvaluationModule,
    IdentityModule,
    NotificationsModule,
    PdfRenderingModule,
    ReadinessModule,
  ],
  // Verification first: its public GET dossiers/signing-keys must win over the staff route dossiers/:id.
  controllers: [
    DossierVerificationController,
    DossierController,
    DossierPagesController,
    RiskRegisterController,
    RiskRegisterPagesController,
    RiskAppetitePagesController,
  ],
  providers: [
    UnitOfWork,
    DossierVersionRepository,
    ReviewRepository,
    ReviewQueue,
    DossierRenderer,
    DossierService,
    DossierReviewService,
    DossierWorkflowService,
    SignOffRequests,
    DossierSeal,
    { provide: DossierInputSource, useClass: CaseDossierInputSource },
    RenderDossierJob,
    SignDossierJob,
    RiskRegisterRepository,
    RiskRegisterAssembler,
    RiskRegisterService,
  ],
  exports: [DossierService, DossierReviewService, DossierWorkflowService, DossierRenderer, RiskRegisterService],
})
export class DossierModule {}
