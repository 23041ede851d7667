import { Controller, Get } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Logger, LoggerModule } from 'nestjs-pino';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { QueryFailedError } from 'typeorm';
import { AppConfigModule, loadConfig } from '@probity/config';
import { loggerOptions } from '@probity/runtime';
import { configureWebApp } from './configure-web-app';
import { WebModule } from './web.module';

const config = loadConfig({ SESSION_SECRET: 'a-test-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'debug' });
const INVITE_TOKEN = 'inviteTokenThatOpensTheProvidersPortal0123456789';
const ANSWER = 'the provider answer nobody else may read';

/** How PostgreSQL reports a failed statement: the offending value in the message, the detail and the context. */
function failedInsert(): QueryFailedError {
  const driverError = Object.assign(new Error(`invalid input syntax for type uuid: "${ANSWER}"`), {
    code: '22P02',
    detail: `Failing row contains (1, ${ANSWER}).`,
    where: `unnamed portal parameter $2 = '${ANSWER}'`,
  });
  return new QueryFailedError('INSERT INTO "answers"("id", "text") VALUES ($1, $2)', ['1', ANSWER], driverError);
}

@Controller()
class FailingController {
  @Get('portal/:token/sections/:index')
  section(): never {
    throw failedInsert();
  }

  @Get('api/v1/failing')
  read(): never {
    throw failedInsert();
  }
}

describe('what an unexpected error logs', () => {
  let app: NestExpressApplication;
  let logs = '';

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    const options = loggerOptions(config);
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(config),
        WebModule,
        // The application's own logger options, writing where the test can read them.
        LoggerModule.forRoot({ ...options, pinoHttp: [options.pinoHttp as object, stream] }),
      ],
      controllers: [FailingController],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    app.useLogger(app.get(Logger));
    configureWebApp(app, config);
    await app.init();
  });

  afterAll(() => app.close());

  it('keeps the statement and the redacted path but neither the token nor the values the query was given', async () => {
    const server = app.getHttpServer();
    await request(server)
      .get(`/api/v1/failing?token=${INVITE_TOKEN}&answer=${encodeURIComponent(ANSWER)}`)
      .expect(500);
    await request(server).get(`/portal/${INVITE_TOKEN}/sections/0`).set('Accept', 'application/json').expect(500);
    const unhandled = logs.split('\n').filter((line) => line.includes('unhandled error'));
    expect(unhandled).toHaveLength(2);
    expect(logs).toContain('/portal/[redacted]/sections/0');
    expect(logs).toContain('INSERT INTO \\"answers\\"');
    expect(logs).toContain('22P02');
    expect(logs).not.toContain(INVITE_TOKEN);
    expect(logs).not.toContain('provider answer');
  });
});
