import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@probity/cases';
import { EvaluationModule } from '@probity/evaluation';
import { PdfRenderingModule } from '@probity/pdf-rendering';
import { DossierRenderer } from './dossier-renderer';
import { DossierVersion } from './dossier-version.entity';
import { DossierService, RenderDossierJob } from './dossier.service';

@Module({
  imports: [TypeOrmModule.forFeature([DossierVersion]), CasesModule, EvaluationModule, PdfRenderingModule],
  providers: [DossierRenderer, DossierService, RenderDossierJob],
  exports: [DossierService],
})
export class DossierModule {}
