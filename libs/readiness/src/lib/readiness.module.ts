import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@probity/audit';
import { UnitOfWork } from '@probity/database';
import { FriaHeadingText, StakeholderConsultation } from './fria.entities';
import { FriaRepository } from './fria.repository';
import { FriaService } from './fria.service';

export const READINESS_ENTITIES = [FriaHeadingText, StakeholderConsultation];

/** The agency's side as deployer: its FRIA. Imported by the dossier (to print it) and by the HTTP module. */
@Module({
  imports: [TypeOrmModule.forFeature(READINESS_ENTITIES), AuditModule],
  providers: [UnitOfWork, FriaRepository, FriaService],
  exports: [FriaService],
})
export class ReadinessModule {}
