import { Module } from '@nestjs/common';
import type { Request } from 'express';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@probity/config';
import { CsrfGuard } from './csrf';
import { HomeController } from './home.controller';
import { throttlerStorageFor } from './throttler-storage';
import { ProbityThrottlerGuard } from './throttling';

/**
 * HTTP-wide guards: a per-address rate limit on every route (counted in Redis in services mode, so
 * it holds across api processes), a stricter one on provider links (both
 * configurable; sign-in and password reset declare their own) and CSRF checks on every state-changing request.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        storage: throttlerStorageFor(config),
        throttlers: [
          { name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute },
          {
            name: 'portal',
            ttl: 60_000,
            limit: config.portalRateLimitPerMinute,
            skipIf: (context) => !context.switchToHttp().getRequest<Request>().path.startsWith('/portal/'),
          },
        ],
      }),
    }),
  ],
  controllers: [HomeController],
  providers: [
    { provide: APP_GUARD, useClass: ProbityThrottlerGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
})
export class WebModule {}
