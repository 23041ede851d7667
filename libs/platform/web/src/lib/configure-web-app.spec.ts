import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { IsEmail, IsString, MinLength } from 'class-validator';
import request from 'supertest';
import type { Request, Response } from 'express';
import { AppConfigModule, loadConfig } from '@probity/config';
import { csrfTokenFor } from './csrf';
import { configureWebApp } from './configure-web-app';
import { WebModule } from './web.module';

class InviteDto {
  @IsString()
  @MinLength(2)
  organisation: string;

  @IsEmail()
  email: string;
}

const config = loadConfig({ SESSION_SECRET: 'a-test-secret-that-is-long-enough-0123456789' });

@Controller('api/v1/probe')
class ProbeController {
  @Get('csrf')
  csrf(@Req() request: Request, @Res({ passthrough: true }) response: Response): { csrfToken: string } {
    return { csrfToken: csrfTokenFor(config, request, response) };
  }

  @Post()
  @HttpCode(201)
  create(@Body() dto: InviteDto): InviteDto {
    return dto;
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret internal detail at /srv/db');
  }
}

/** Stands in for a provider portal page and its autosave endpoint: the invite token is in the path. */
@Controller('portal/:token/probe')
class PortalProbeController {
  @Get()
  page(@Res({ passthrough: true }) response: Response): { csrfToken: string } {
    return { csrfToken: response.locals.csrfToken as string };
  }

  @Post()
  @HttpCode(200)
  save(): { saved: true } {
    return { saved: true };
  }
}

const INVITE_TOKEN = 'a'.repeat(43);
const OTHER_INVITE_TOKEN = 'b'.repeat(43);

describe('configureWebApp', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(config), WebModule],
      controllers: [ProbeController, PortalProbeController],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    configureWebApp(app, config);
    await app.init();
  });

  afterAll(() => app.close());

  it('serves pages with a strict content security policy and no framing', async () => {
    const response = await request(app.getHttpServer()).get('/').expect(200);
    expect(response.text).toContain('<html lang="en"');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('renders a 404 page in the product look for browsers and JSON for API clients', async () => {
    const page = await request(app.getHttpServer()).get('/no-such-page').set('Accept', 'text/html').expect(404);
    expect(page.text).toContain('Page not found');
    expect(page.text).toContain('role="alert"');
    const api = await request(app.getHttpServer()).get('/api/v1/no-such').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('refuses a state-changing request without a valid CSRF token (403)', async () => {
    const refused = await request(app.getHttpServer())
      .post('/api/v1/probe')
      .send({ organisation: 'Acme', email: 'a@acme.example' })
      .expect(403);
    expect(refused.body.message).toMatch(/form has expired/);
    const agent = request.agent(app.getHttpServer());
    const { csrfToken } = (await agent.get('/api/v1/probe/csrf').expect(200)).body;
    await agent
      .post('/api/v1/probe')
      .set('x-csrf-token', csrfToken)
      .send({ organisation: 'Acme', email: 'a@acme.example' })
      .expect(201);
    await agent
      .post('/api/v1/probe')
      .set('x-csrf-token', `${csrfToken}x`)
      .send({ organisation: 'Acme', email: 'a@acme.example' })
      .expect(403);
  });

  it('keeps a provider portal token valid whatever else the browser loads meanwhile', async () => {
    const agent = request.agent(app.getHttpServer());
    const { csrfToken } = (await agent.get(`/portal/${INVITE_TOKEN}/probe`).expect(200)).body;
    // The browser's own favicon request, another public page and a second provider link in other tabs.
    await agent.get('/favicon.ico');
    await agent.get('/no-such-page').set('Accept', 'text/html').expect(404);
    await agent.get(`/portal/${OTHER_INVITE_TOKEN}/probe`).expect(200);
    await agent.get('/api/v1/probe/csrf').expect(200);
    await agent.post(`/portal/${INVITE_TOKEN}/probe`).set('x-csrf-token', csrfToken).send({}).expect(200);
    // Without any cookie at all (a fresh browser after a restart) the page's token still saves.
    await request(app.getHttpServer())
      .post(`/portal/${INVITE_TOKEN}/probe`)
      .type('form')
      .send({ _csrf: csrfToken })
      .expect(200);
  });

  it('refuses a portal token for another invite link, a staff token and no token (403)', async () => {
    const agent = request.agent(app.getHttpServer());
    const { csrfToken: portalToken } = (await agent.get(`/portal/${INVITE_TOKEN}/probe`).expect(200)).body;
    const { csrfToken: staffToken } = (await agent.get('/api/v1/probe/csrf').expect(200)).body;
    await agent.post(`/portal/${OTHER_INVITE_TOKEN}/probe`).set('x-csrf-token', portalToken).send({}).expect(403);
    await agent.post(`/portal/${INVITE_TOKEN}/probe`).set('x-csrf-token', staffToken).send({}).expect(403);
    await agent.post(`/portal/${INVITE_TOKEN}/probe`).send({}).expect(403);
    await agent
      .post('/api/v1/probe')
      .set('x-csrf-token', portalToken)
      .send({ organisation: 'Acme', email: 'a@acme.example' })
      .expect(403);
  });

  it('serves a favicon, so browsers do not ask for a missing one on every page', async () => {
    const icon = await request(app.getHttpServer()).get('/favicon.ico').expect(200);
    expect(icon.headers['content-type']).toMatch(/^image\//);
    expect(icon.body.length).toBeGreaterThan(0);
  });

  it('answers invalid input with 400 and every message, malformed JSON included', async () => {
    const agent = request.agent(app.getHttpServer());
    const { csrfToken } = (await agent.get('/api/v1/probe/csrf').expect(200)).body;
    const invalid = await agent
      .post('/api/v1/probe')
      .set('x-csrf-token', csrfToken)
      .send({ organisation: 'x', email: 'no', extra: 1 })
      .expect(400);
    expect(invalid.body.statusCode).toBe(400);
    expect(invalid.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/organisation/),
        expect.stringMatching(/email/),
        expect.stringMatching(/extra/),
      ]),
    );
    const malformed = await agent
      .post('/api/v1/probe')
      .set('x-csrf-token', csrfToken)
      .set('Content-Type', 'application/json')
      .send('{"organisation":')
      .expect(400);
    expect(malformed.body.statusCode).toBe(400);
  });

  it('hides internals of unexpected errors', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/probe/boom').expect(500);
    expect(response.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An unexpected error occurred. It has been logged.',
    });
    expect(JSON.stringify(response.body)).not.toContain('/srv/db');
  });
});
