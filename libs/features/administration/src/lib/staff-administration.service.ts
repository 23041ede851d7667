import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { AuditTrail, staffAuditActor } from '@probity/audit';
import { AppConfig } from '@probity/config';
import { UnitOfWork } from '@probity/database';
import {
  ACCOUNT_SETUP_LIFETIME_MS,
  IdentityService,
  newToken,
  StaffPrincipal,
  StaffRole,
  StaffUser,
} from '@probity/identity';
import { MailService } from '@probity/notifications';

/** A staff account as administrators see it: never its password hash. */
export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  createdAt: Date;
  disabledAt: Date | null;
}

export function accountOf(user: StaffUser): StaffAccount {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    active: user.disabledAt === null,
    createdAt: user.createdAt,
    disabledAt: user.disabledAt,
  };
}

/** The audit view of an account: what an administrator can change about it. */
function audited(account: StaffAccount) {
  return { name: account.name, email: account.email, role: account.role, active: account.active };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An agency administrator's work on staff accounts: create (with a password-setting link by e-mail),
 * change role, deactivate and reactivate. Every change is audited in the same transaction; another
 * agency's accounts do not exist here (404).
 */
@Injectable()
export class StaffAdministration {
  private readonly logger = new Logger(StaffAdministration.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly identity: IdentityService,
    private readonly audit: AuditTrail,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async list(admin: StaffPrincipal): Promise<StaffAccount[]> {
    return (await this.identity.staffOfAgency(admin.agencyId)).map(accountOf);
  }

  async get(admin: StaffPrincipal, userId: string): Promise<StaffAccount> {
    return accountOf(await this.userOfAgency(admin.agencyId, userId));
  }

  /**
   * Creates the account with a random password nobody knows, then sends the existing password-reset
   * e-mail so the person chooses their own. `passwordEmailSent` is false when the mail server refused.
   */
  async create(
    admin: StaffPrincipal,
    input: { name: string; email: string; role: StaffRole },
  ): Promise<{ account: StaffAccount; passwordEmailSent: boolean }> {
    const account = await this.unitOfWork.run(async () => {
      const created = accountOf(
        await this.identity.createStaffUser({
          agencyId: admin.agencyId,
          name: input.name,
          email: input.email,
          role: input.role,
          password: newToken(),
        }),
      );
      await this.audit.recordChange(staffAuditActor(admin), {
        agencyId: admin.agencyId,
        action: 'staff.created',
        subject: { type: 'staff_user', id: created.id },
        before: null,
        after: audited(created),
      });
      return created;
    });
    return { account, passwordEmailSent: await this.sendPasswordLink(account) };
  }

  async changeRole(admin: StaffPrincipal, userId: string, role: StaffRole): Promise<StaffAccount> {
    return this.unitOfWork.run(async () => {
      const before = accountOf(await this.userOfAgency(admin.agencyId, userId, true));
      if (before.id === admin.userId)
        throw new ConflictException('You cannot change your own role; ask another administrator.');
      if (before.role === role) return before;
      await this.identity.changeStaffRole(userId, role);
      const after = { ...before, role };
      await this.audit.recordChange(staffAuditActor(admin), {
        agencyId: admin.agencyId,
        action: 'staff.role_changed',
        subject: { type: 'staff_user', id: userId },
        before: audited(before),
        after: audited(after),
      });
      return after;
    });
  }

  /** Deactivated accounts cannot sign in, and their open sessions end now. */
  deactivate(admin: StaffPrincipal, userId: string): Promise<StaffAccount> {
    return this.setActive(admin, userId, false, (before) => {
      if (before.id === admin.userId)
        throw new ConflictException('You cannot deactivate your own account; ask another administrator.');
    });
  }

  reactivate(admin: StaffPrincipal, userId: string): Promise<StaffAccount> {
    return this.setActive(admin, userId, true);
  }

  /** Switches an account on or off and audits it; an account already in that state is returned as it is. */
  private setActive(
    admin: StaffPrincipal,
    userId: string,
    active: boolean,
    refuse: (before: StaffAccount) => void = () => undefined,
  ): Promise<StaffAccount> {
    return this.unitOfWork.run(async () => {
      const before = accountOf(await this.userOfAgency(admin.agencyId, userId, true));
      refuse(before);
      if (before.active === active) return before;
      if (active) await this.identity.reactivateStaffUser(userId);
      else await this.identity.deactivateStaffUser(userId);
      const after = accountOf(await this.userOfAgency(admin.agencyId, userId));
      await this.audit.recordChange(staffAuditActor(admin), {
        agencyId: admin.agencyId,
        action: active ? 'staff.reactivated' : 'staff.deactivated',
        subject: { type: 'staff_user', id: userId },
        before: audited(before),
        after: audited(after),
      });
      return after;
    });
  }

  private async sendPasswordLink(account: StaffAccount): Promise<boolean> {
    const started = await this.identity.startPasswordReset(account.email, ACCOUNT_SETUP_LIFETIME_MS);
    if (!started) return false;
    try {
      await this.mail.send('password-reset', [account.email], {
        name: account.name,
        resetUrl: `${this.config.publicBaseUrl}/password-reset/${started.token}`,
        expiresInMinutes: ACCOUNT_SETUP_LIFETIME_MS / 60_000,
        expiresInHours: ACCOUNT_SETUP_LIFETIME_MS / 3_600_000,
        newAccount: true,
      });
      return true;
    } catch (error) {
      this.logger.error({ err: error }, 'password-setting e-mail for a new account not sent');
      return false;
    }
  }

  /** `lock` holds the account until the open transaction ends, so two administrators' changes serialise. */
  private async userOfAgency(agencyId: string, userId: string, lock = false): Promise<StaffUser> {
    const found = !UUID.test(userId)
      ? null
      : lock
        ? await this.identity.lockStaffUser(agencyId, userId)
        : await this.identity.findStaffUser(agencyId, userId);
    if (!found) throw new NotFoundException('There is no such staff member in your agency.');
    return found;
  }
}
