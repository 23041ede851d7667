import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { doubleCsrf, DoubleCsrfUtilities } from 'csrf-csrf';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { AppConfig } from '@probity/config';
import { loadOrCreateSecretFile } from './secret-file';
import { recordStep } from './server-timing';

/** Cookie holding a staff member's session token (its SHA-256 is what the database knows). */
export const SESSION_COOKIE = 'probity_session';

const PORTAL_TOKEN_IN_PATH = /^\/(?:api\/v1\/)?portal\/([A-Za-z0-9_-]{43})(?:\/|$)/;

/** Public, side-effect-free POST endpoints that never read a cookie. */
const CSRF_EXEMPT_PATHS = new Set(['/api/v1/dossiers/verify']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface CsrfProtection {
  /** Staff pages and the JSON API: signed double-submit tokens bound to the session cookie. */
  staff: DoubleCsrfUtilities;
  /** The provider portal: a token derived from the invite token, needing no cookie at all. */
  portalToken: (inviteToken: string) => string;
}

const protectionByConfig = new WeakMap<AppConfig, CsrfProtection>();

function tokenFromRequest(request: Request): string | undefined {
  return (
    (request.headers['x-csrf-token'] as string | undefined) ??
    ((request.body as Record<string, unknown> | undefined)?._csrf as string | undefined) ??
    (request.query?._csrf as string | undefined)
  );
}

/** The invite token of a provider portal request, from its path. */
function portalInviteToken(request: Request): string | undefined {
  return PORTAL_TOKEN_IN_PATH.exec(request.path)?.[1];
}

/**
 * Staff requests use signed double-submit CSRF tokens (csrf-csrf) bound to the session cookie.
 * Portal requests cannot share that one cookie: a provider has no session, so the cookie was bound to
 * the invite token in the path, and any other request in the same browser (its /favicon.ico, the
 * question bank in another tab) rebound it and made the provider's next save fail with 403. A portal
 * token is therefore an HMAC of the invite token under the server secret: only a page served for that
 * link carries it, another site can neither read nor compute it, and no other request can change it.
 * Tokens are accepted from the `x-csrf-token` header, a `_csrf` form field or, for multipart uploads
 * whose body is parsed after guards run, a `_csrf` query parameter.
 */
function csrfProtection(config: AppConfig): CsrfProtection {
  let protection = protectionByConfig.get(config);
  if (!protection) {
    const secret = config.sessionSecret ?? loadOrCreateSecretFile(join(config.dataDir, 'keys', 'session-secret'));
    const secure = config.publicBaseUrl.startsWith('https://');
    protection = {
      staff: doubleCsrf({
        getSecret: () => secret,
        getSessionIdentifier: (request) => (request.cookies?.[SESSION_COOKIE] as string | undefined) ?? 'anonymous',
        cookieName: secure ? '__Host-probity.csrf' : 'probity_csrf',
        cookieOptions: { sameSite: 'lax', path: '/', secure, httpOnly: true },
        getCsrfTokenFromRequest: tokenFromRequest,
      }),
      portalToken: (inviteToken) =>
        createHmac('sha256', secret).update(`probity-portal-csrf:${inviteToken}`).digest('base64url'),
    };
    protectionByConfig.set(config, protection);
  }
  return protection;
}

function isValidPortalToken(protection: CsrfProtection, inviteToken: string, request: Request): boolean {
  const sent = tokenFromRequest(request);
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(protection.portalToken(inviteToken));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The token a page or JSON client of this request needs; only staff tokens come with a cookie. */
function issueToken(protection: CsrfProtection, request: Request, response: Response, overwrite: boolean): string {
  const inviteToken = portalInviteToken(request);
  if (inviteToken) return protection.portalToken(inviteToken);
  return protection.staff.generateCsrfToken(request, response, { overwrite });
}

/** Puts a CSRF token into every page's view locals (`csrfToken`) and issues its cookie. */
export function csrfTokenMiddleware(config: AppConfig) {
  const protection = csrfProtection(config);
  return (request: Request, response: Response, next: NextFunction): void => {
    // Every request, not only GET: a form re-rendered after a failed POST needs a token as well.
    if (!request.path.startsWith('/assets/') && !request.path.startsWith('/health') && request.path !== '/favicon.ico')
      response.locals.csrfToken = issueToken(protection, request, response, false);
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
  const token = issueToken(csrfProtection(config), request, response, Boolean(options.renew));
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
    const started = performance.now();
    const protection = csrfProtection(this.config);
    const inviteToken = portalInviteToken(request);
    const valid = inviteToken
      ? isValidPortalToken(protection, inviteToken, request)
      : protection.staff.validateRequest(request);
    recordStep('csrf', performance.now() - started);
    if (!valid)
      throw new ForbiddenException('The form has expired or did not come from Probity. Reload the page and try again.');
    return true;
  }
}
