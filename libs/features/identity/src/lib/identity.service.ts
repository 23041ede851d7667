import {
  ConflictException,
  HttpException,
  HttpStatus,
  Injectable,
  Optional,
  UnprocessableEntityException,
} from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@probity/config';
import { UnitOfWork } from '@probity/database';
import { JobOutbox, mailJobId } from '@probity/queue';
import { Clock } from './clock';
import { DecoyBackOffStore, MemoryDecoyBackOff } from './decoy-back-off.store';
import { Agency, StaffUser } from './identity.entities';
import { IdentityRepository } from './identity.repository';
import { afterFailedSignIn, lockedForSeconds, NO_BACK_OFF } from './sign-in-back-off';
import { STAFF_ROLES, StaffPrincipal, StaffRole } from './staff-principal';
import { looksLikeToken, newToken, tokenHash } from './tokens';

export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;
/** A new colleague may not read the set-up e-mail the same hour (shifts, weekends): their first link lasts 72 hours. */
export const ACCOUNT_SETUP_LIFETIME_MS = 72 * 60 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 12;

export interface NewStaffUser {
  agencyId: string;
  email: string;
  name: string;
  role: StaffRole;
  password: string;
}

/** 429 while an account is locked after repeated failed sign-ins; `retryAfterSeconds` is the rest of the lock. */
export class AccountLockedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      {
        message: `Too many failed sign-ins for this account. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, or choose a new password with “Forgotten your password?”.`,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

// OWASP's argon2id baseline (19 MiB, 2 passes); verification reads the parameters from the hash.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Agencies, staff accounts, sign-in sessions and password resets. */
@Injectable()
export class IdentityService {
  // Verifying against a real hash when the e-mail is unknown keeps response times from revealing accounts.
  private readonly decoyHash = argon2.hash(newToken(), ARGON2_OPTIONS);

  // Optional so scripts (create-admin) can construct the service without mail; the app injects all.
  constructor(
    private readonly repository: IdentityRepository,
    private readonly unitOfWork: UnitOfWork,
    @Optional() private readonly clock: Clock = new Clock(),
    @Optional() private readonly outbox?: JobOutbox,
    @Optional() private readonly config?: AppConfig,
    @Optional() private readonly decoyBackOff: DecoyBackOffStore = new MemoryDecoyBackOff(),
  ) {}

  async createAgency(name: string): Promise<Agency> {
    const trimmed = name.trim();
    if (!trimmed) throw new UnprocessableEntityException('An agency needs a name.');
    if (await this.repository.agencyNamed(trimmed))
      throw new ConflictException(`An agency named "${trimmed}" already exists.`);
    return this.repository.insertAgency({ id: randomUUID(), name: trimmed });
  }

  async findOrCreateAgency(name: string): Promise<Agency> {
    return (await this.repository.agencyNamed(name.trim())) ?? this.createAgency(name);
  }

  async getAgency(agencyId: string): Promise<Agency> {
    return this.repository.getAgency(agencyId);
  }

  /** The language is checked by the caller (the agency settings) and by the table's constraint. */
  async setDossierLanguage(agencyId: string, language: string): Promise<Agency> {
    return this.repository.setDossierLanguage(agencyId, language);
  }

  /** Creates an account; inside an open UnitOfWork it commits together with whatever else that transaction writes. */
  async createStaffUser(input: NewStaffUser): Promise<StaffUser> {
    if (!STAFF_ROLES.includes(input.role))
      throw new UnprocessableEntityException(`Role must be one of ${STAFF_ROLES.join(', ')}.`);
    assertPasswordStrength(input.password);
    const email = normaliseEmail(input.email);
    if (await this.repository.emailTaken(email)) throw new ConflictException(`${email} already has an account.`);
    return this.repository.insertStaffUser({
      id: randomUUID(),
      agencyId: input.agencyId,
      email,
      name: input.name.trim(),
      role: input.role,
      passwordHash: await argon2.hash(input.password, ARGON2_OPTIONS),
      disabledAt: null,
    });
  }

  async staffOfAgency(agencyId: string): Promise<StaffUser[]> {
    return this.repository.staffOfAgency(agencyId);
  }

  async findStaffUser(agencyId: string, userId: string): Promise<StaffUser | null> {
    return this.repository.findStaffUser(agencyId, userId);
  }

  /** The agency's account, locked until the open UnitOfWork ends, so concurrent changes to it serialise. */
  async lockStaffUser(agencyId: string, userId: string): Promise<StaffUser | null> {
    return this.repository.lockStaffUser(agencyId, userId);
  }

  async changeStaffRole(userId: string, role: StaffRole): Promise<void> {
    if (!STAFF_ROLES.includes(role))
      throw new UnprocessableEntityException(`Role must be one of ${STAFF_ROLES.join(', ')}.`);
    await this.repository.setRole(userId, role);
  }

  /** Disables the account and ends its sessions at once; unused reset links stop working too. */
  async deactivateStaffUser(userId: string): Promise<void> {
    await this.unitOfWork.run(async () => {
      await this.repository.disable(userId, new Date());
      await this.repository.endSessionsOf(userId);
      await this.repository.spendOutstandingResetsOf(userId, new Date());
    });
  }

  async reactivateStaffUser(userId: string): Promise<void> {
    await this.repository.enable(userId);
  }

  /**
   * Returns a new session token for the right e-mail and password, `null` otherwise (never says which
   * was wrong). Failures back the account off (sign-in-back-off.ts): while it is locked every attempt,
   * the right password included, gets AccountLockedException, and the owner is e-mailed once per lock.
   * The account row stays locked during the check, so parallel guesses are counted one by one.
   */
  async signIn(email: string, password: string): Promise<{ token: string; user: StaffUser } | null> {
    const now = this.clock.now();
    type Outcome = { token: string; user: StaffUser } | { locked: number } | null;
    const outcome = await this.unitOfWork.run(async (): Promise<Outcome> => {
      const user = await this.repository.lockForSignIn(normaliseEmail(email));
      // Addresses without an account back off too (DecoyBackOffStore), so a lock-out never tells that an account exists.
      const state = user ?? (await this.decoyBackOff.get(normaliseEmail(email))) ?? NO_BACK_OFF;
      const locked = lockedForSeconds(state, now);
      if (locked) return { locked };
      const valid = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), password);
      if (!user || !valid) {
        const next = afterFailedSignIn(state, now);
        if (user) {
          await this.repository.setBackOff(user.id, next);
          if (next.lockMs) await this.mailLockout(user, next.lockMs, next.lockedUntil as Date);
        } else await this.decoyBackOff.set(normaliseEmail(email), next);
        return next.lockMs ? { locked: lockedForSeconds(next, now) } : null;
      }
      if (user.failedSignIns || user.lockedUntil) await this.repository.setBackOff(user.id, NO_BACK_OFF);
      const token = newToken();
      await this.repository.insertSession({
        tokenHash: tokenHash(token),
        userId: user.id,
        expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
      });
      return { token, user };
    });
    // Thrown after the transaction, so the failure that starts a lock is recorded, not rolled back.
    if (outcome && 'locked' in outcome) throw new AccountLockedException(outcome.locked);
    return outcome;
  }

  /** Tells the owner of a just-locked account, through the outbox (once per lock: the key names the lock). */
  private async mailLockout(user: StaffUser, lockMs: number, until: Date): Promise<void> {
    if (!this.outbox || !this.config) return;
    const idempotencyKey = `account-locked:${user.id}:${until.toISOString()}`;
    await this.outbox.add(
      this.unitOfWork.transaction,
      'mail.send',
      {
        template: 'account-locked',
        to: [user.email],
        context: {
          name: user.name,
          lockedMinutes: Math.ceil(lockMs / 60_000),
          resetUrl: `${this.config.publicBaseUrl}/password-reset`,
        },
        idempotencyKey,
      },
      { jobId: mailJobId(idempotencyKey) },
    );
  }

  async principalOf(sessionToken: unknown): Promise<StaffPrincipal | null> {
    if (!looksLikeToken(sessionToken)) return null;
    const hash = tokenHash(sessionToken);
    const session = await this.repository.liveSession(hash);
    if (!session?.user) return null;
    const { user } = session;
    return {
      userId: user.id,
      agencyId: user.agencyId,
      role: user.role,
      email: user.email,
      name: user.name,
      sessionId: hash,
    };
  }

  async signOut(sessionToken: unknown): Promise<void> {
    if (!looksLikeToken(sessionToken)) return;
    await this.repository.deleteSession(tokenHash(sessionToken));
  }

  /** A one-time reset token for the account, or `null` for an unknown e-mail (the caller answers the same either way). */
  async startPasswordReset(
    email: string,
    lifetimeMs: number = PASSWORD_RESET_LIFETIME_MS,
  ): Promise<{ token: string; user: StaffUser } | null> {
    const user = await this.repository.enabledStaffUserByEmail(normaliseEmail(email));
    if (!user) return null;
    const token = newToken();
    await this.repository.insertPasswordReset({
      tokenHash: tokenHash(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + lifetimeMs),
    });
    return { token, user };
  }

  async isPasswordResetUsable(token: unknown): Promise<boolean> {
    if (!looksLikeToken(token)) return false;
    return this.repository.passwordResetUsable(tokenHash(token));
  }

  /**
   * Sets the new password, spends the token and signs the account out everywhere. Every other
   * outstanding link of the account dies with it: an older e-mail left in an inbox must not be able
   * to set the password again.
   */
  async completePasswordReset(token: unknown, newPassword: string): Promise<boolean> {
    if (!looksLikeToken(token)) return false;
    assertPasswordStrength(newPassword);
    const passwordHash = await argon2.hash(newPassword, ARGON2_OPTIONS);
    return this.unitOfWork.run(async () => {
      const userId = await this.repository.spendPasswordReset(tokenHash(token));
      if (!userId) return false;
      await this.repository.setPasswordHash(userId, passwordHash);
      await this.passwordChanged(userId);
      return true;
    });
  }

  /** After any change of the password: sessions end, no outstanding reset link works any more, the back-off ends. */
  private async passwordChanged(userId: string): Promise<void> {
    await this.repository.endSessionsOf(userId);
    // The owner proved control of the mailbox: a lock from someone else's guesses ends.
    await this.repository.setBackOff(userId, NO_BACK_OFF);
    await this.repository.spendOutstandingResetsOf(userId, new Date());
  }

  async purgeExpiredSessions(): Promise<number> {
    return this.repository.purgeExpiredSessions();
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function assertPasswordStrength(password: string): void {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)
    throw new UnprocessableEntityException(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
}
