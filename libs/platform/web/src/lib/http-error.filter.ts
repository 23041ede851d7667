import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { loggablePath } from '@probity/runtime';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  [detail: string]: unknown;
}

const PAGE_TITLES: Record<number, string> = {
  400: 'Something in the request was not right',
  401: 'Please sign in',
  403: 'You do not have access to this page',
  404: 'Page not found',
  409: 'This changed in the meantime',
  410: 'This link is no longer active',
  413: 'The file is too large',
  429: 'Too many requests',
  500: 'Something went wrong on our side',
  503: 'Probity is briefly unavailable',
};

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EAI_AGAIN']);
const CONNECTION_LOST =
  /Connection terminated|connection timeout|Connection lost|terminating connection|Client has encountered a connection error|Client was closed/i;

/** The error itself, the driver's error TypeORM wraps, and a `cause`: where a database error may sit. */
function errorLayers(exception: unknown): object[] {
  const layers = [exception, (exception as { driverError?: unknown })?.driverError, (exception as Error)?.cause];
  return layers.filter((layer): layer is object => Boolean(layer) && typeof layer === 'object');
}

/**
 * The database (or the network to it) is gone for the moment, as during a failover or restart: the
 * request can simply be retried, so the client gets 503 and advice, not a 500. PostgreSQL class 08
 * (connection exception) and 57P01–57P03 (shutdown, cannot connect now) mean the same.
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  return errorLayers(exception).some((layer) => {
    const code = (layer as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^08|^57P0[123]$/.test(code))) return true;
    return CONNECTION_LOST.test(String((layer as { message?: unknown }).message ?? ''));
  });
}

/** pg-pool's only words (no code) when no connection came free within DATABASE_POOL_WAIT_MS. */
const POOL_WAIT_EXCEEDED = /^timeout exceeded when trying to connect$/;

/**
 * Overload: every connection of the pool stayed busy for longer than a request may wait. Nothing of
 * the request reached the database through that connection, so it can be retried after a pause.
 */
export function isDatabasePoolExhausted(exception: unknown): boolean {
  return errorLayers(exception).some((layer) => POOL_WAIT_EXCEEDED.test(String((layer as Error).message ?? '')));
}

/**
 * One error shape for the whole product: JSON `{statusCode, error, message}` for the API, a page in
 * the product's own look for browsers. Unexpected errors are logged with the request id and shown
 * without internals: no stack trace ever reaches a client.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE && !(exception instanceof HttpException))
      this.logger.warn(
        { err: exception },
        isDatabasePoolExhausted(exception)
          ? 'no database connection free within DATABASE_POOL_WAIT_MS; answered 503'
          : 'database unreachable; answered 503',
      );
    else if (body.statusCode >= 500)
      this.logger.error({ err: exception, path: loggablePath(request.originalUrl) }, 'unhandled error');
    if (response.headersSent) return;

    const wantsPage = !request.path.startsWith('/api/') && request.accepts(['json', 'html']) === 'html';
    response.status(body.statusCode);
    // A handler may already have declared a download (e.g. a spreadsheet); the error is not one.
    response.removeHeader('Content-Type');
    response.removeHeader('Content-Disposition');
    // A 429 that knows the exact wait (throttler, sign-in back-off) says it; a minute otherwise.
    if (body.statusCode === HttpStatus.TOO_MANY_REQUESTS && !response.getHeader('Retry-After'))
      response.setHeader('Retry-After', String(body.retryAfterSeconds ?? 60));
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE && !response.getHeader('Retry-After'))
      response.setHeader('Retry-After', '5');
    if (wantsPage && body.statusCode === HttpStatus.UNAUTHORIZED && request.method === 'GET') {
      response.redirect(303, '/login');
      return;
    }
    if (wantsPage) {
      response.render('error', {
        title: PAGE_TITLES[body.statusCode] ?? body.error,
        statusCode: body.statusCode,
        messages: Array.isArray(body.message) ? body.message : [body.message],
        // A refusal may name where to go instead (e.g. the conflict-of-interest declaration).
        next: body.next,
      });
      return;
    }
    response.json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      if (typeof raw === 'string') return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: raw };
      // Details a handler chose to add (the current answers on a 409, the problems on a 422) stay in the body.
      const { statusCode: _status, error: _error, message, ...details } = raw as Record<string, unknown>;
      return {
        ...details,
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: (message as string | string[] | undefined) ?? exception.message,
      };
    }
    const status =
      (exception as { status?: number; statusCode?: number })?.status ??
      (exception as { statusCode?: number })?.statusCode;
    // Errors raised by Express middleware (body parser, multer) carry a 4xx status of their own.
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: (exception as Error).message };
    }
    if (isDatabasePoolExhausted(exception))
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Probity is too busy to handle this request right now. Please try again in a few seconds.',
      };
    if (isDatabaseUnavailable(exception))
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Probity cannot reach its database for a moment. Nothing was saved; try again in a few seconds.',
      };
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An unexpected error occurred. It has been logged.',
    };
  }
}
