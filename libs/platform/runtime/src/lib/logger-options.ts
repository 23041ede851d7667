import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '@probity/config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Secrets must never reach a log line, whatever logs the request. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-invite-token"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.sessionId',
];

/** Paths whose next segment is a bearer secret: the provider's invite token, a password reset token. */
const TOKEN_IN_PATH = /^((?:\/api\/v1)?\/(?:portal|password-reset)\/)[^/?#]+/;

/** The request path as it may be logged: a token in it is replaced, the rest kept for diagnosis. */
export function loggablePath(url: string): string {
  return url.split('?')[0].replace(TOKEN_IN_PATH, '$1[redacted]');
}

/**
 * Fields a database error copies from PostgreSQL that carry the data the statement was given:
 * `parameters` (TypeORM keeps the bound values, e.g. a provider's answers), `detail` ("Failing row
 * contains (…)", "Key (email)=(…)") and `where` ("unnamed portal parameter $2 = '…'").
 */
const DATA_BEARING_ERROR_FIELDS = ['parameters', 'detail', 'where'];
/** PostgreSQL quotes the rejected value at the end of these messages: `invalid input syntax for type uuid: "…"`. */
const VALUE_IN_MESSAGE = /(invalid input (?:syntax|value) for [^:\n]*: )"[^\n]*"/g;

type SerializedError = Record<string, unknown>;

/**
 * An error as it may be logged: the statement, the PostgreSQL code, the table and constraint stay for
 * diagnosis; the values bound to the statement never reach a log line, wherever the error nests.
 */
export function loggableError(serialized: unknown): unknown {
  if (!serialized || typeof serialized !== 'object') return serialized;
  const error = serialized as SerializedError;
  for (const field of DATA_BEARING_ERROR_FIELDS) if (field in error) error[field] = '[redacted]';
  for (const field of ['message', 'stack'])
    if (typeof error[field] === 'string')
      error[field] = (error[field] as string).replace(VALUE_IN_MESSAGE, '$1[redacted]');
  for (const [field, value] of Object.entries(error))
    if (value && typeof value === 'object' && !Array.isArray(value)) error[field] = loggableError(value);
  return error;
}

export function loggerOptions(config: Pick<AppConfig, 'logLevel'>): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const incoming = request.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        response.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        // Applied after pino's own error serializer (it copies every enumerable field of the error).
        err: loggableError,
        // Query strings and some paths carry one-time tokens (invites, password reset): never logged.
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          path: loggablePath(request.url),
        }),
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (request) => request.url?.startsWith('/health/') ?? false },
    },
  };
}
