import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { timeStep } from './server-timing';

/** Says how long to wait, in words and in Retry-After, instead of the library's "ThrottlerException: Too Many Requests". */
@Injectable()
export class ProbityThrottlerGuard extends ThrottlerGuard {
  override canActivate(context: ExecutionContext): Promise<boolean> {
    return timeStep('rate-limit', () => super.canActivate(context));
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    limit: ThrottlerLimitDetail,
  ): Promise<void> {
    // The storage answers in seconds; the named throttlers' own header ("Retry-After-portal") is not one clients know.
    const seconds = Math.max(1, Math.ceil(limit.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new HttpException(
      {
        message: `Too many requests in a short time. Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again.`,
        retryAfterSeconds: seconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

type TrackedRequest = { params?: Record<string, unknown>; body?: Record<string, unknown> };

/**
 * Counts requests per secret in the path (a one-time link) rather than per client address: many
 * colleagues behind one office address each use their own link, and a guesser of one link is still
 * stopped. Only the token's hash is kept in the limiter's memory.
 */
export function perPathToken(parameter: string) {
  return (request: TrackedRequest): string =>
    `token:${createHash('sha256')
      .update(String(request.params?.[parameter] ?? ''))
      .digest('hex')}`;
}

/** Counts requests per account named in the form (its e-mail address), whatever address they come from. */
export function perAccountEmail(request: TrackedRequest): string {
  const email = request.body?.email;
  return `account:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
}
