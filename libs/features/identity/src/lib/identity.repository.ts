import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { IsNull, MoreThan } from 'typeorm';
import { Agency, PasswordReset, StaffSession, StaffUser } from './identity.entities';
import type { BackOffState } from './sign-in-back-off';
import type { StaffRole } from './staff-principal';

/** The identity tables: `agencies`, `staff_users`, `staff_sessions` and `password_resets`. */
@Injectable()
export class IdentityRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get manager() {
    return this.unitOfWork.manager;
  }

  private get agencies() {
    return this.manager.getRepository(Agency);
  }

  private get staff() {
    return this.manager.getRepository(StaffUser);
  }

  agencyNamed(name: string): Promise<Agency | null> {
    return this.agencies.findOneBy({ name });
  }

  async insertAgency(agency: Pick<Agency, 'id' | 'name'>): Promise<Agency> {
    return this.agencies.save(this.agencies.create(agency));
  }

  getAgency(agencyId: string): Promise<Agency> {
    return this.agencies.findOneByOrFail({ id: agencyId });
  }

  async setDossierLanguage(agencyId: string, language: string): Promise<Agency> {
    await this.agencies.update({ id: agencyId }, { dossierLanguage: language });
    return this.getAgency(agencyId);
  }

  emailTaken(email: string): Promise<boolean> {
    return this.staff.existsBy({ email });
  }

  async insertStaffUser(user: Partial<StaffUser>): Promise<StaffUser> {
    await this.staff.insert(this.staff.create(user));
    return this.staff.findOneByOrFail({ id: user.id });
  }

  staffOfAgency(agencyId: string): Promise<StaffUser[]> {
    return this.staff.find({ where: { agencyId }, order: { name: 'ASC' } });
  }

  findStaffUser(agencyId: string, userId: string): Promise<StaffUser | null> {
    return this.staff.findOneBy({ id: userId, agencyId });
  }

  /** The account locked for update until the open transaction ends. */
  lockStaffUser(agencyId: string, userId: string): Promise<StaffUser | null> {
    return this.unitOfWork.transaction
      .getRepository(StaffUser)
      .findOne({ where: { id: userId, agencyId }, lock: { mode: 'pessimistic_write' } });
  }

  /** An enabled account with its password hash (which every other read leaves out), locked for the sign-in check. */
  lockForSignIn(email: string): Promise<StaffUser | null> {
    return this.unitOfWork.transaction
      .getRepository(StaffUser)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email AND user.disabled_at IS NULL', { email })
      .setLock('pessimistic_write')
      .getOne();
  }

  enabledStaffUserByEmail(email: string): Promise<StaffUser | null> {
    return this.staff.findOneBy({ email, disabledAt: IsNull() });
  }

  async setBackOff(userId: string, state: Pick<BackOffState, 'failedSignIns' | 'lockedUntil'>): Promise<void> {
    await this.staff.update({ id: userId }, { failedSignIns: state.failedSignIns, lockedUntil: state.lockedUntil });
  }

  async setRole(userId: string, role: StaffRole): Promise<void> {
    await this.staff.update({ id: userId }, { role });
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.staff.update({ id: userId }, { passwordHash });
  }

  async disable(userId: string, at: Date): Promise<void> {
    await this.staff.update({ id: userId, disabledAt: IsNull() }, { disabledAt: at });
  }

  async enable(userId: string): Promise<void> {
    await this.staff.update({ id: userId }, { disabledAt: null });
  }

  async insertSession(session: Pick<StaffSession, 'tokenHash' | 'userId' | 'expiresAt'>): Promise<void> {
    await this.manager.getRepository(StaffSession).insert(session);
  }

  /** A session that has not expired, of an account that is not disabled, with its account. */
  liveSession(tokenHash: string): Promise<StaffSession | null> {
    return this.manager.getRepository(StaffSession).findOne({
      where: { tokenHash, expiresAt: MoreThan(new Date()), user: { disabledAt: IsNull() } },
      relations: { user: true },
    });
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.manager.getRepository(StaffSession).delete({ tokenHash });
  }

  async endSessionsOf(userId: string): Promise<void> {
    await this.manager.delete(StaffSession, { userId });
  }

  /** Deletes expired sessions and says how many. */
  async purgeExpiredSessions(): Promise<number> {
    // Counted from RETURNING: the embedded PostgreSQL (PGlite) leaves DeleteResult.affected undefined.
    const result = await this.manager
      .createQueryBuilder()
      .delete()
      .from(StaffSession)
      .where('expires_at < now()')
      .returning(['tokenHash'])
      .execute();
    return (result.raw as unknown[]).length;
  }

  async insertPasswordReset(reset: Pick<PasswordReset, 'tokenHash' | 'userId' | 'expiresAt'>): Promise<void> {
    await this.manager.getRepository(PasswordReset).insert({ ...reset, usedAt: null });
  }

  passwordResetUsable(tokenHash: string): Promise<boolean> {
    return this.manager
      .getRepository(PasswordReset)
      .existsBy({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) });
  }

  /** Spends an unused, unexpired reset token in one statement; its account's id, or null when it was not usable. */
  async spendPasswordReset(tokenHash: string): Promise<string | null> {
    const spent = await this.manager
      .createQueryBuilder()
      .update(PasswordReset)
      .set({ usedAt: () => 'now()' })
      .where('token_hash = :hash AND used_at IS NULL AND expires_at > now()', { hash: tokenHash })
      .returning(['userId'])
      .execute();
    return (spent.raw as Array<{ user_id: string }>)[0]?.user_id ?? null;
  }

  /** Marks every outstanding reset link of the account used, so none of them works any more. */
  async spendOutstandingResetsOf(userId: string, at: Date): Promise<void> {
    await this.manager.update(PasswordReset, { userId, usedAt: IsNull() }, { usedAt: at });
  }
}
