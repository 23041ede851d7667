import { Body, Controller, Delete, Get, HttpCode, Post, Query, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppConfig } from '@probity/config';
import { API_PREFIX, csrfTokenFor, SESSION_COOKIE } from '@probity/web';
import { SignInDto } from './auth.dto';
import { AccountLockedException, IdentityService, SESSION_LIFETIME_MS } from './identity.service';
import type { StaffRequest } from './staff-principal';

/** Notices the sign-in page shows after another page sent the person here. */
const LOGIN_NOTICES: Record<string, string> = {
  'password-saved': 'Your new password is saved. Sign in with it.',
};

/** Ten attempts a minute per address: enough for typos, too few for guessing. */
const SIGN_IN_LIMIT = { default: { limit: 10, ttl: 60_000 } };

/** Staff sign-in and sign-out, as pages and as a JSON session API for scripts. */
@Controller()
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly config: AppConfig,
  ) {}

  @Get('login')
  @ApiExcludeEndpoint()
  loginPage(@Req() request: StaffRequest, @Query('notice') notice: unknown, @Res() response: Response): void {
    if (request.staff) return response.redirect(303, '/cases');
    response.render('auth/login', {
      title: 'Sign in',
      notice: typeof notice === 'string' ? LOGIN_NOTICES[notice] : undefined,
    });
  }

  @Post('login')
  @Throttle(SIGN_IN_LIMIT)
  @ApiExcludeEndpoint()
  async login(@Body() body: SignInDto, @Res() response: Response): Promise<void> {
    const signedIn = await this.identity.signIn(body.email, body.password).catch((error: unknown) => {
      if (!(error instanceof AccountLockedException)) throw error;
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
      response.status(429).render('auth/login', { title: 'Sign in', email: body.email, error: error.message });
      return 'answered' as const;
    });
    if (signedIn === 'answered') return;
    if (!signedIn) {
      response.status(401).render('auth/login', {
        title: 'Sign in',
        email: body.email,
        error: 'The e-mail address or the password is not right.',
      });
      return;
    }
    this.setSessionCookie(response, signedIn.token);
    response.redirect(303, '/cases');
  }

  @Post('logout')
  @ApiExcludeEndpoint()
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.identity.signOut(request.cookies?.[SESSION_COOKIE]);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    response.redirect(303, '/login');
  }

  @ApiTags('session')
  @Get(`${API_PREFIX}/session`)
  session(@Req() request: StaffRequest, @Res({ passthrough: true }) response: Response) {
    return {
      user: request.staff ? publicUser(request.staff) : null,
      csrfToken: csrfTokenFor(this.config, request, response),
    };
  }

  @ApiTags('session')
  @Post(`${API_PREFIX}/session`)
  @Throttle(SIGN_IN_LIMIT)
  @HttpCode(200)
  async signIn(@Body() body: SignInDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const signedIn = await this.identity.signIn(body.email, body.password);
    if (!signedIn) throw new UnauthorizedException('The e-mail address or the password is not right.');
    this.setSessionCookie(response, signedIn.token);
    // The CSRF token is bound to the session, so the client needs the one for its new session.
    request.cookies[SESSION_COOKIE] = signedIn.token;
    const staff = await this.identity.principalOf(signedIn.token);
    return {
      user: staff && publicUser(staff),
      csrfToken: csrfTokenFor(this.config, request, response, { renew: true }),
    };
  }

  @ApiTags('session')
  @Delete(`${API_PREFIX}/session`)
  @HttpCode(204)
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.identity.signOut(request.cookies?.[SESSION_COOKIE]);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  private setSessionCookie(response: Response, token: string): void {
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.publicBaseUrl.startsWith('https://'),
      path: '/',
      maxAge: SESSION_LIFETIME_MS,
    });
  }
}

function publicUser(staff: NonNullable<StaffRequest['staff']>) {
  return { id: staff.userId, agencyId: staff.agencyId, name: staff.name, email: staff.email, role: staff.role };
}
