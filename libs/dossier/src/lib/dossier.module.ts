import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@probity/cases';
import { EvaluationModule } from '@probity/evaluation';
import { PdfRenderingModule } from '@probity/pdf-rendering';
import { CaseDossierInputSource, DossierInputSource } from './case-dossier-source';
import { RenderDossierJob, SignDossierJob } from './dossier-jobs';
import { DossierRenderer } from './dossier-renderer';
import { DossierVerificationController } from './dossier-verification.controller';
import { DossierVersion } from './dossier-version.entity';
import { DossierService } from './dossier.service';
import { DOSSIER_ENTITIES } from './review.entities';
import { DossierReviewService } from './review.service';
import { DossierSigningKey } from './signing-key';

/** Dossier versions, rendering and signing jobs, review and verification. Imported by the api and the worker. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DossierVersion, ...DOSSIER_ENTITIES]),
    CasesModule,
    EvaluationModule,
    PdfRenderingModule,
  ],
  // DossierController (staff routes) waits for the guards of issue 3; verification is public by design.
  controllers: [DossierVerificationController],
  providers: [
    DossierRenderer,
    DossierService,
    DossierReviewService,
    DossierSigningKey,
    { provide: DossierInputSource, useClass: CaseDossierInputSource },
    RenderDossierJob,
    SignDossierJob,
  ],
  exports: [DossierService, DossierReviewService, DossierRenderer],
})
export class DossierModule {}
