import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@probity/config';
import { CsrfGuard } from './csrf';
import { HomeController } from './home.controller';

/**
 * HTTP-wide guards: a per-address rate limit on every route (stricter limits are declared where
 * they matter: sign-in, provider links) and CSRF checks on every state-changing request.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute }],
      }),
    }),
  ],
  controllers: [HomeController],
  providers: [
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
})
export class WebModule {}
