import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitOfWork } from '@probity/database';
import { HealthController } from './health.controller';
import { Heartbeat } from './heartbeat.entity';
import { HeartbeatRepository } from './heartbeat.repository';
import { HeartbeatJobHandler, HeartbeatService } from './heartbeat.service';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), TypeOrmModule.forFeature([Heartbeat])],
  controllers: [HealthController],
  providers: [UnitOfWork, HeartbeatRepository, HeartbeatService, HeartbeatJobHandler],
  exports: [HeartbeatService],
})
export class HealthModule {}
