import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@probity/config';
import { configureWebApp } from '@probity/web';
import { AppModule } from './app.module';

/** Builds the configured HTTP application without listening, so tests and main share one setup. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  configureWebApp(app, config);
  const openApi = new DocumentBuilder()
    .setTitle('Probity API')
    .setDescription('Responsible-AI procurement: cases, provider responses, scoring and evaluation dossiers.')
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}
