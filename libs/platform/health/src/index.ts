export { HealthModule } from './lib/health.module';
export { Heartbeat } from './lib/heartbeat.entity';
export { HeartbeatService } from './lib/heartbeat.service';
