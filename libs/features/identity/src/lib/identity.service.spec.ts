import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import * as argon2 from 'argon2';
import type { AppConfig } from '@probity/config';
import type { UnitOfWork } from '@probity/database';
import type { JobOutbox } from '@probity/queue';
import { aStaffUser, inlineUnitOfWork, mockOf } from '@probity/testing';
import { Clock } from './clock';
import type { StaffUser } from './identity.entities';
import type { IdentityRepository } from './identity.repository';
import { AccountLockedException, IdentityService } from './identity.service';
import { FREE_FAILED_SIGN_INS } from './sign-in-back-off';
import { newToken, tokenHash } from './tokens';

const PASSWORD = 'correct horse battery staple';

function identityDoubles() {
  const repository = mockOf<IdentityRepository>(
    'agencyNamed',
    'insertAgency',
    'getAgency',
    'emailTaken',
    'insertStaffUser',
    'staffOfAgency',
    'findStaffUser',
    'lockStaffUser',
    'lockForSignIn',
    'enabledStaffUserByEmail',
    'setBackOff',
    'setRole',
    'setPasswordHash',
    'disable',
    'enable',
    'insertSession',
    'liveSession',
    'deleteSession',
    'endSessionsOf',
    'purgeExpiredSessions',
    'insertPasswordReset',
    'passwordResetUsable',
    'spendPasswordReset',
    'spendOutstandingResetsOf',
  );
  repository.insertStaffUser.mockImplementation(async (user: Partial<StaffUser>) => user);
  const unitOfWork = inlineUnitOfWork();
  const outbox = mockOf<JobOutbox>('add');
  const clock = { now: jest.fn(() => new Date('2026-05-04T10:00:00Z')) };
  const config = { publicBaseUrl: 'https://probity.example' } as AppConfig;
  const identity = new IdentityService(
    repository as unknown as IdentityRepository,
    unitOfWork as unknown as UnitOfWork,
    clock as Clock,
    outbox as unknown as JobOutbox,
    config,
  );
  return { identity, repository, unitOfWork, outbox, clock };
}

async function anAccountWithPassword(overrides: Partial<StaffUser> = {}) {
  const user = aStaffUser();
  return {
    ...user,
    passwordHash: await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1 }),
    failedSignIns: 0,
    lockedUntil: null,
    ...overrides,
  } as StaffUser;
}

describe('IdentityService (unit, mocked repository)', () => {
  describe('agencies', () => {
    it('422s a blank name and 409s a name already taken', async () => {
      const { identity, repository } = identityDoubles();
      await expect(identity.createAgency('  ')).rejects.toBeInstanceOf(UnprocessableEntityException);
      repository.agencyNamed.mockResolvedValue({ id: 'a', name: 'Met' });
      await expect(identity.createAgency(' Met ')).rejects.toBeInstanceOf(ConflictException);
      expect(repository.agencyNamed).toHaveBeenCalledWith('Met');
      expect(repository.insertAgency).not.toHaveBeenCalled();
    });

    it('creates a trimmed agency', async () => {
      const { identity, repository } = identityDoubles();
      repository.agencyNamed.mockResolvedValue(null);
      repository.insertAgency.mockImplementation(async (agency: unknown) => agency);
      expect(await identity.createAgency(' Met ')).toMatchObject({ name: 'Met' });
    });
  });

  describe('createStaffUser', () => {
    const input = { agencyId: 'agency', email: ' Ada@Police.Example ', name: ' Ada ', role: 'evaluator' as const };

    it('422s an unknown role and a short password, 409s an e-mail with an account', async () => {
      const { identity, repository } = identityDoubles();
      await expect(
        identity.createStaffUser({ ...input, role: 'superuser' as never, password: PASSWORD }),
      ).rejects.toBeInstanceOf(UnprocessableEntityException);
      await expect(identity.createStaffUser({ ...input, password: 'short' })).rejects.toBeInstanceOf(
        UnprocessableEntityException,
      );
      repository.emailTaken.mockResolvedValue(true);
      await expect(identity.createStaffUser({ ...input, password: PASSWORD })).rejects.toBeInstanceOf(
        ConflictException,
      );
      expect(repository.emailTaken).toHaveBeenCalledWith('ada@police.example');
      expect(repository.insertStaffUser).not.toHaveBeenCalled();
    });

    it('stores a normalised e-mail and an argon2id hash, never the password', async () => {
      const { identity, repository } = identityDoubles();
      repository.emailTaken.mockResolvedValue(false);
      const user = await identity.createStaffUser({ ...input, password: PASSWORD });
      expect(user).toMatchObject({ email: 'ada@police.example', name: 'Ada', role: 'evaluator', disabledAt: null });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await argon2.verify(user.passwordHash, PASSWORD)).toBe(true);
    });
  });

  describe('signIn', () => {
    it('opens a session for the right password and clears an earlier back-off', async () => {
      const { identity, repository, unitOfWork } = identityDoubles();
      const user = await anAccountWithPassword({ failedSignIns: 2 });
      repository.lockForSignIn.mockResolvedValue(user);
      const signedIn = await identity.signIn(' ADA.officer@police.example', PASSWORD);
      expect(unitOfWork.run).toHaveBeenCalledTimes(1);
      expect(repository.lockForSignIn).toHaveBeenCalledWith('ada.officer@police.example');
      expect(signedIn?.user).toBe(user);
      expect(repository.setBackOff).toHaveBeenCalledWith(user.id, { failedSignIns: 0, lockedUntil: null });
      expect(repository.insertSession).toHaveBeenCalledWith(
        expect.objectContaining({ tokenHash: tokenHash(signedIn?.token as string), userId: user.id }),
      );
    });

    it('counts a wrong password without opening a session', async () => {
      const { identity, repository, outbox } = identityDoubles();
      const user = await anAccountWithPassword();
      repository.lockForSignIn.mockResolvedValue(user);
      expect(await identity.signIn(user.email, 'wrong password entirely')).toBeNull();
      expect(repository.setBackOff).toHaveBeenCalledWith(user.id, expect.objectContaining({ failedSignIns: 1 }));
      expect(repository.insertSession).not.toHaveBeenCalled();
      expect(outbox.add).not.toHaveBeenCalled();
    });

    it('locks the account on the failure after the free ones and mails its owner in the same transaction', async () => {
      const { identity, repository, outbox, unitOfWork } = identityDoubles();
      const user = await anAccountWithPassword({ failedSignIns: FREE_FAILED_SIGN_INS });
      repository.lockForSignIn.mockResolvedValue(user);
      await expect(identity.signIn(user.email, 'wrong password entirely')).rejects.toBeInstanceOf(
        AccountLockedException,
      );
      expect(outbox.add).toHaveBeenCalledWith(
        unitOfWork.transaction,
        'mail.send',
        expect.objectContaining({ template: 'account-locked', to: [user.email] }),
        expect.anything(),
      );
    });

    it('refuses even the right password while the account is locked', async () => {
      const { identity, repository } = identityDoubles();
      const user = await anAccountWithPassword({ lockedUntil: new Date('2026-05-04T10:05:00Z') });
      repository.lockForSignIn.mockResolvedValue(user);
      await expect(identity.signIn(user.email, PASSWORD)).rejects.toMatchObject({ retryAfterSeconds: 300 });
      expect(repository.insertSession).not.toHaveBeenCalled();
    });

    it('answers an unknown address like a wrong password', async () => {
      const { identity, repository } = identityDoubles();
      repository.lockForSignIn.mockResolvedValue(null);
      expect(await identity.signIn('nobody@police.example', PASSWORD)).toBeNull();
      expect(repository.setBackOff).not.toHaveBeenCalled();
    });
  });

  describe('sessions and password resets', () => {
    it('turns a live session into a principal and ignores malformed tokens', async () => {
      const { identity, repository } = identityDoubles();
      const user = aStaffUser();
      repository.liveSession.mockResolvedValue({ user });
      const token = newToken();
      expect(await identity.principalOf(token)).toEqual({
        userId: user.id,
        agencyId: user.agencyId,
        role: user.role,
        email: user.email,
        name: user.name,
        sessionId: tokenHash(token),
      });
      expect(await identity.principalOf('not a token')).toBeNull();
      expect(repository.liveSession).toHaveBeenCalledTimes(1);
    });

    it('spends the reset token, sets the hash and signs the account out everywhere, in one transaction', async () => {
      const { identity, repository, unitOfWork } = identityDoubles();
      repository.spendPasswordReset.mockResolvedValue('user-1');
      expect(await identity.completePasswordReset(newToken(), PASSWORD)).toBe(true);
      expect(unitOfWork.run).toHaveBeenCalledTimes(1);
      expect(repository.setPasswordHash).toHaveBeenCalledWith('user-1', expect.stringMatching(/^\$argon2id\$/));
      expect(repository.endSessionsOf).toHaveBeenCalledWith('user-1');
      expect(repository.setBackOff).toHaveBeenCalledWith('user-1', { failedSignIns: 0, lockedUntil: null });
      expect(repository.spendOutstandingResetsOf).toHaveBeenCalledWith('user-1', expect.any(Date));
    });

    it('changes nothing for a spent token and 422s a short new password', async () => {
      const { identity, repository } = identityDoubles();
      repository.spendPasswordReset.mockResolvedValue(null);
      expect(await identity.completePasswordReset(newToken(), PASSWORD)).toBe(false);
      expect(repository.setPasswordHash).not.toHaveBeenCalled();
      await expect(identity.completePasswordReset(newToken(), 'short')).rejects.toBeInstanceOf(
        UnprocessableEntityException,
      );
    });

    it('deactivation disables, ends sessions and spends reset links together', async () => {
      const { identity, repository, unitOfWork } = identityDoubles();
      await identity.deactivateStaffUser('user-1');
      expect(unitOfWork.run).toHaveBeenCalledTimes(1);
      expect(repository.disable).toHaveBeenCalledWith('user-1', expect.any(Date));
      expect(repository.endSessionsOf).toHaveBeenCalledWith('user-1');
      expect(repository.spendOutstandingResetsOf).toHaveBeenCalledWith('user-1', expect.any(Date));
    });
  });
});
