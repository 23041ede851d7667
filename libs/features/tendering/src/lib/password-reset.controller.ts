import { Controller, Get, HttpCode, HttpException, Logger, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig } from '@probity/config';
import { IdentityService, MIN_PASSWORD_LENGTH, PASSWORD_RESET_LIFETIME_MS } from '@probity/identity';
import { MailService } from '@probity/notifications';
import { FormBody, perAccountEmail, perPathToken } from '@probity/web';

/**
 * Limits that count what they protect, not the client address (a whole office may share one): asking
 * for a link, per account; opening and using a link, per link.
 */
const REQUEST_LIMIT = { default: { limit: 5, ttl: 60_000, getTracker: perAccountEmail } };
const LINK_PAGE_LIMIT = { default: { limit: 10, ttl: 60_000, getTracker: perPathToken('token') } };
const LINK_USE_LIMIT = { default: { limit: 5, ttl: 60_000, getTracker: perPathToken('token') } };

/** "Forgotten password": a one-time link by e-mail. The answer never reveals whether an account exists. */
@ApiExcludeController()
@Controller('password-reset')
export class PasswordResetController {
  private readonly logger = new Logger(PasswordResetController.name);

  constructor(
    private readonly identity: IdentityService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  requestPage(@Res() response: Response): void {
    response.render('auth/password-reset-request', { title: 'Reset your password' });
  }

  @Post()
  @HttpCode(200)
  @Throttle(REQUEST_LIMIT)
  async request(@FormBody('fields') form: Record<string, string>, @Res() response: Response): Promise<void> {
    const started = typeof form.email === 'string' ? await this.identity.startPasswordReset(form.email) : null;
    if (started) {
      // Sent in the request: the link's token is never stored anywhere but in the e-mail.
      await this.mail
        .send('password-reset', [started.user.email], {
          name: started.user.name,
          resetUrl: `${this.config.publicBaseUrl}/password-reset/${started.token}`,
          expiresInMinutes: PASSWORD_RESET_LIFETIME_MS / 60_000,
        })
        .catch((error: unknown) => this.logger.error({ err: error }, 'password reset e-mail not sent'));
    }
    response.render('auth/password-reset-request', {
      title: 'Reset your password',
      sent: true,
      minutes: PASSWORD_RESET_LIFETIME_MS / 60_000,
    });
  }

  private renderInactiveLink(response: Response): void {
    response.status(410).render('error', {
      title: 'This link is no longer active',
      statusCode: 410,
      messages: [
        'Password links work once, stop working when a newer one is used, and expire: after an hour for a reset, after 72 hours for a new account. Ask for a new one under “Forgotten your password?” on the sign-in page.',
      ],
    });
  }

  @Get(':token')
  @Throttle(LINK_PAGE_LIMIT)
  async choosePage(@Param('token') token: string, @Res() response: Response): Promise<void> {
    if (!(await this.identity.isPasswordResetUsable(token))) {
      this.renderInactiveLink(response);
      return;
    }
    response.render('auth/password-reset', { title: 'Choose a new password', token, minLength: MIN_PASSWORD_LENGTH });
  }

  @Post(':token')
  @Throttle(LINK_USE_LIMIT)
  async choose(
    @Param('token') token: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    try {
      if (await this.identity.completePasswordReset(token, form.password ?? '')) {
        // The sign-in page confirms the change, so nobody is left wondering whether it worked.
        response.redirect(303, '/login?notice=password-saved');
        return;
      }
      this.renderInactiveLink(response);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      response.status(error.getStatus()).render('auth/password-reset', {
        title: 'Choose a new password',
        token,
        minLength: MIN_PASSWORD_LENGTH,
        error: error.message,
      });
    }
  }
}
