import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IDENTITY_ENTITIES } from './identity.entities';
import { IdentityService } from './identity.service';

@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  providers: [IdentityService],
  exports: [IdentityService],
})
export class IdentityModule {}
