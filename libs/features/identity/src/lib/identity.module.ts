import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@probity/config';
import { RedisExpiringStore } from '@probity/runtime';
import { AuthController } from './auth.controller';
import { Clock } from './clock';
import { DecoyBackOffStore, MemoryDecoyBackOff, RedisDecoyBackOff } from './decoy-back-off.store';
import { UnitOfWork } from '@probity/database';
import { IDENTITY_ENTITIES } from './identity.entities';
import { IdentityRepository } from './identity.repository';
import { IdentityService } from './identity.service';
import { StaffSessionMiddleware } from './staff-session.middleware';

@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  controllers: [AuthController],
  providers: [
    IdentityService,
    IdentityRepository,
    UnitOfWork,
    Clock,
    {
      // Several api processes share one Redis in services mode; zero-setup is one process.
      provide: DecoyBackOffStore,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.mode === 'services' && config.redisUrl
          ? new RedisDecoyBackOff(new RedisExpiringStore(config.redisUrl, `${config.queuePrefix}:sign-in-decoy:`))
          : new MemoryDecoyBackOff(),
    },
  ],
  exports: [IdentityService, Clock],
})
export class IdentityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(StaffSessionMiddleware).forRoutes('{*path}');
  }
}
