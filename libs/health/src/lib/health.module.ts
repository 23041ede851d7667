import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthController } from './health.controller';
import { Heartbeat } from './heartbeat.entity';
import { HeartbeatJobHandler, HeartbeatService } from './heartbeat.service';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), TypeOrmModule.forFeature([Heartbeat])],
  controllers: [HealthController],
  providers: [HeartbeatService, HeartbeatJobHandler],
  exports: [HeartbeatService],
})
export class HealthModule {}
