import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@probity/identity';
import { CASE_ENTITIES } from './case.entities';
import { CasesService } from './cases.service';

@Module({
  imports: [TypeOrmModule.forFeature(CASE_ENTITIES), IdentityModule],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}
