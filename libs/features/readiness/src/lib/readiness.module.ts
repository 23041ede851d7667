import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@probity/audit';
import { CasesModule } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { FriaHeadingText, StakeholderConsultation } from './fria.entities';
import { FriaRepository } from './fria.repository';
import { FriaService } from './fria.service';
import { ReadinessItemRecord } from './readiness-item.entity';
import { ReadinessItemRepository } from './readiness-item.repository';
import { ReadinessService } from './readiness.service';

export const READINESS_ENTITIES = [FriaHeadingText, StakeholderConsultation, ReadinessItemRecord];

/** The agency's side as deployer: its FRIA and readiness checklist. Imported by the dossier (to print it) and by the HTTP module. */
@Module({
  imports: [TypeOrmModule.forFeature(READINESS_ENTITIES), AuditModule, CasesModule],
  providers: [UnitOfWork, FriaRepository, FriaService, ReadinessItemRepository, ReadinessService],
  exports: [FriaService, ReadinessService],
})
export class ReadinessModule {}
