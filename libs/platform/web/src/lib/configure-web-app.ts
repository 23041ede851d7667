import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { create as createHandlebars } from 'express-handlebars';
import helmet from 'helmet';
import { join } from 'node:path';
import type { AppConfig } from '@probity/config';
import { reportPoolWaits } from '@probity/database';
import { csrfTokenMiddleware } from './csrf';
import { HttpErrorFilter } from './http-error.filter';
import { collectServerTiming, recordStep, startServerTiming, timedMiddleware } from './server-timing';
import { rejectUnstorableInput, UnstorableInputPipe } from './unstorable-input';
import { VIEW_HELPERS } from './view-helpers';
import { templatesDir } from './templates-dir';

/**
 * Everything HTTP-wide: security headers, cookies, validation, the error shape, server-rendered
 * views from templates/pages and static assets from templates/assets.
 */
export function configureWebApp(app: NestExpressApplication, config: AppConfig): void {
  const behindTls = config.publicBaseUrl.startsWith('https://');
  // Only proxies named in TRUST_PROXY may set the client address (rate limits count by it); none by default.
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
          ...(behindTls ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: behindTls ? { maxAge: 31536000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // A portal address is the provider's key (the invite token is in the path): not even Probity's
  // own asset and form requests get it in a Referer header, where proxies and logs would keep it.
  // The same holds for password reset links.
  const noReferrer = (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Referrer-Policy', 'no-referrer');
    next();
  };
  app.use('/portal/', noReferrer);
  app.use('/password-reset/', noReferrer);
  const templates = templatesDir();
  // Browsers fetch /favicon.ico on their own for every page: answer it with an icon, not a 404 page.
  app.use('/favicon.ico', (_request: Request, response: Response) =>
    response.sendFile(join(templates, 'assets', 'favicon.ico'), { maxAge: '1d' }),
  );
  // Measuring each step of a request (Server-Timing header) is for benchmarks: off unless SERVER_TIMING=on.
  if (config.serverTiming) app.use(startServerTiming);
  app.use(cookieParser());
  // Parsed here, before the CSRF middleware, rather than later by Nest (which then skips its own).
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });
  app.use(rejectUnstorableInput);
  if (config.serverTiming) {
    app.use(collectServerTiming);
    // Every checkout of a database connection (a request takes one per query outside a transaction).
    reportPoolWaits((waitedMs) => recordStep('pool-wait', waitedMs));
  }
  app.use(config.serverTiming ? timedMiddleware('csrf', csrfTokenMiddleware(config)) : csrfTokenMiddleware(config));
  app.useGlobalPipes(
    new UnstorableInputPipe(),
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.useGlobalFilters(new HttpErrorFilter());

  const handlebars = createHandlebars({
    extname: '.hbs',
    defaultLayout: 'main',
    layoutsDir: join(templates, 'pages', 'layouts'),
    partialsDir: join(templates, 'pages', 'partials'),
    helpers: VIEW_HELPERS,
  });
  app.engine('hbs', handlebars.engine);
  app.setViewEngine('hbs');
  app.setBaseViewsDir(join(templates, 'pages'));
  // Compile each view once; only in development are templates re-read on every render, to see edits.
  app.set('view cache', config.nodeEnv !== 'development');
  app.useStaticAssets(join(templates, 'assets'), { prefix: '/assets/', maxAge: '1h', index: false });
}
