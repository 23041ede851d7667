import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@probity/cases';
import { EvaluationModule } from '@probity/evaluation';
import { PdfRenderingModule } from '@probity/pdf-rendering';
import { DossierRenderer } from './dossier-renderer';
import { DossierVerificationController } from './dossier-verification.controller';
import { DossierVersion } from './dossier-version.entity';
import { DossierService, RenderDossierJob } from './dossier.service';

@Module({
  imports: [TypeOrmModule.forFeature([DossierVersion]), CasesModule, EvaluationModule, PdfRenderingModule],
  controllers: [DossierVerificationController],
  providers: [DossierRenderer, DossierService, RenderDossierJob],
  exports: [DossierService],
})
export class DossierModule {}
