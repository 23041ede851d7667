import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { doubleCsrf, DoubleCsrfUtilities } from 'csrf-csrf';
import { join } from 'node:path';
import { AppConfig } from '@probity/config';
import { loadOrCreateSecretFile } from './secret-file';

/** Cookie holding a staff member's session token (its SHA-256 is what the database knows). */
export const SESSION_COOKIE = 'probity_session';

const PORTAL_TOKEN_IN_PATH = /^\/(?:api\/v1\/)?portal\/([A-Za-z0-9_-]{43})(?:\/|$)/;

/** Public, side-effect-free POST endpoints that never read a cookie. */
const CSRF_EXEMPT_PATHS = new Set(['/api/v1/dossiers/verify']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const utilitiesByConfig = new WeakMap<AppConfig, DoubleCsrfUtilities>();

/**
 * Signed double-submit CSRF tokens (csrf-csrf) bound to the caller's identity: the staff session
 * cookie, or the invite token in a provider's portal path. Accepted from the `x-csrf-token` header,
 * a `_csrf` form field or, for multipart uploads whose body is parsed after guards run, a `_csrf`
 * query parameter.
 */
function csrfUtilities(config: AppConfig): DoubleCsrfUtilities {
  let utilities = utilitiesByConfig.get(config);
  if (!utilities) {
    const secret = config.sessionSecret ?? loadOrCreateSecretFile(join(config.dataDir, 'keys', 'session-secret'));
    const secure = config.publicBaseUrl.startsWith('https://');
    utilities = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (request) =>
        (request.cookies?.[SESSION_COOKIE] as string | undefined) ??
        PORTAL_TOKEN_IN_PATH.exec(request.path)?.[1] ??
        'anonymous',
      cookieName: secure ? '__Host-probity.csrf' : 'probity_csrf',
      cookieOptions: { sameSite: 'lax', path: '/', secure, httpOnly: true },
      getCsrfTokenFromRequest: (request) =>
        (request.headers['x-csrf-token'] as string | undefined) ??
        ((request.body as Record<string, unknown> | undefined)?._csrf as string | undefined) ??
        (request.query?._csrf as string | undefined),
    });
    utilitiesByConfig.set(config, utilities);
  }
  return utilities;
}

/** Puts a CSRF token into every page's view locals (`csrfToken`) and issues its cookie. */
export function csrfTokenMiddleware(config: AppConfig) {
  const { generateCsrfToken } = csrfUtilities(config);
  return (request: Request, response: Response, next: NextFunction): void => {
    // Every request, not only GET: a form re-rendered after a failed POST needs a token as well.
    if (!request.path.startsWith('/assets/') && !request.path.startsWith('/health'))
      response.locals.csrfToken = generateCsrfToken(request, response);
    next();
  };
}

/**
 * The token for this request, e.g. for a JSON client to send back in `x-csrf-token`: the one already
 * issued for this request, or — with `renew`, after the session changed — a new one with its cookie.
 */
export function csrfTokenFor(
  config: AppConfig,
  request: Request,
  response: Response,
  options: { renew?: boolean } = {},
): string {
  const issued = response.locals.csrfToken as string | undefined;
  if (issued && !options.renew) return issued;
  const token = csrfUtilities(config).generateCsrfToken(request, response, { overwrite: Boolean(options.renew) });
  response.locals.csrfToken = token;
  return token;
}

/** Refuses every state-changing request without a valid CSRF token (403). */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT_PATHS.has(request.path)) return true;
    if (!csrfUtilities(this.config).validateRequest(request))
      throw new ForbiddenException('The form has expired or did not come from Probity. Reload the page and try again.');
    return true;
  }
}
