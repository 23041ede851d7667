import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitOfWork } from '@probity/database';
import { AuditChainAppender } from './audit-chain-appender';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditTrail } from './audit-trail.service';
import { AuditController } from './audit.controller';

/**
 * The append-only audit trail. Other modules import it and call AuditTrail.recordChange in their
 * transactions; the appender in every process that imports it chains what they wrote.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditController],
  providers: [AuditTrail, AuditChainAppender, AuditEntryRepository, UnitOfWork],
  exports: [AuditTrail, UnitOfWork],
})
export class AuditModule {}
