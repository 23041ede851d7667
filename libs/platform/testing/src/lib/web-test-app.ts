import type { ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppConfig, loadConfig } from '@probity/config';
import { configureWebApp } from '@probity/web';

/**
 * A module under test served as the api serves it (`configureWebApp`: body parsers, input check, views,
 * security headers), without logs. `beforeWebSetUp` runs first, e.g. a stand-in for the session middleware.
 */
export async function startWebTestApp(
  metadata: ModuleMetadata,
  options: { config?: AppConfig; beforeWebSetUp?: (app: NestExpressApplication) => void } = {},
): Promise<NestExpressApplication> {
  const config = options.config ?? loadConfig({});
  const moduleRef = await Test.createTestingModule(metadata).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  options.beforeWebSetUp?.(app);
  configureWebApp(app, config);
  await app.init();
  return app;
}
