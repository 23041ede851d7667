import { ConflictException, NotFoundException } from '@nestjs/common';
import type { AuditTrail } from '@probity/audit';
import type { AppConfig } from '@probity/config';
import type { IdentityService } from '@probity/identity';
import type { MailService } from '@probity/notifications';
import { aStaffPrincipal, aStaffUser, inlineUnitOfWork, mockOf, overDoubles } from '@probity/testing';
import { StaffAdministration } from './staff-administration.service';

function administrationDoubles() {
  const admin = aStaffPrincipal({ role: 'admin' });
  const colleague = { ...aStaffUser({ agencyId: admin.agencyId, role: 'evaluator' }), createdAt: new Date() };
  const identity = mockOf<IdentityService>(
    'staffOfAgency',
    'findStaffUser',
    'lockStaffUser',
    'createStaffUser',
    'changeStaffRole',
    'deactivateStaffUser',
    'reactivateStaffUser',
    'startPasswordReset',
  );
  // The colleague exists in the admin's agency only; reads see the account as it stands after a change.
  let stored = { ...colleague };
  const ofAgency = async (agencyId: string, userId: string) =>
    agencyId === admin.agencyId && userId === colleague.id ? { ...stored } : null;
  identity.findStaffUser.mockImplementation(ofAgency);
  identity.lockStaffUser.mockImplementation(ofAgency);
  identity.deactivateStaffUser.mockImplementation(async () => void (stored = { ...stored, disabledAt: new Date() }));
  identity.reactivateStaffUser.mockImplementation(async () => void (stored = { ...stored, disabledAt: null }));
  const unitOfWork = inlineUnitOfWork();
  const audit = mockOf<AuditTrail>('recordChange');
  const mail = mockOf<MailService>('send');
  const config: Partial<AppConfig> = { publicBaseUrl: 'https://probity.example' };
  const administration = overDoubles(StaffAdministration, unitOfWork, identity, audit, mail, config);
  return { administration, admin, colleague, identity, unitOfWork, audit, mail };
}

describe('StaffAdministration (unit, mocked identity)', () => {
  it('404s an account of another agency and an id that is not a uuid, without asking identity for the latter', async () => {
    const { administration, admin, colleague, identity } = administrationDoubles();
    await expect(administration.get(admin, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundException);
    expect(identity.findStaffUser).not.toHaveBeenCalled();
    await expect(administration.get(aStaffPrincipal({ role: 'admin' }), colleague.id)).rejects.toBeInstanceOf(
      NotFoundException,
    );
    expect(await administration.get(admin, colleague.id)).toMatchObject({ id: colleague.id, active: true });
  });

  it('creates the account with an unknown password, audits it in the same transaction and mails a setting link', async () => {
    const { administration, admin, identity, unitOfWork, audit, mail } = administrationDoubles();
    const created = { ...aStaffUser({ agencyId: admin.agencyId, email: 'new@police.example' }), createdAt: new Date() };
    identity.createStaffUser.mockImplementation(async () => {
      expect(unitOfWork.run).toHaveBeenCalled();
      return created;
    });
    identity.startPasswordReset.mockResolvedValue({ token: 'setup-token', user: created });
    mail.send.mockResolvedValue(undefined);

    const result = await administration.create(admin, { name: created.name, email: created.email, role: 'evaluator' });
    expect(result).toMatchObject({ account: { id: created.id }, passwordEmailSent: true });
    expect(identity.createStaffUser.mock.calls[0][0].password).toEqual(expect.any(String));
    expect(audit.recordChange).toHaveBeenCalledWith(
      expect.objectContaining({ id: admin.userId }),
      expect.objectContaining({ action: 'staff.created', before: null }),
    );
    expect(mail.send).toHaveBeenCalledWith(
      'password-reset',
      [created.email],
      expect.objectContaining({ resetUrl: 'https://probity.example/password-reset/setup-token', newAccount: true }),
    );
  });

  it('reports a refused password e-mail instead of failing the creation', async () => {
    const { administration, admin, identity, mail } = administrationDoubles();
    const created = { ...aStaffUser({ agencyId: admin.agencyId }), createdAt: new Date() };
    identity.createStaffUser.mockResolvedValue(created);
    identity.startPasswordReset.mockResolvedValue({ token: 'setup-token', user: created });
    mail.send.mockRejectedValue(new Error('550 mailbox unavailable'));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await administration.create(admin, { name: created.name, email: created.email, role: 'evaluator' });
    expect(result.passwordEmailSent).toBe(false);
  });

  it('changes a role under lock and audits before and after; the same role changes nothing', async () => {
    const { administration, admin, colleague, identity, audit } = administrationDoubles();
    expect(await administration.changeRole(admin, colleague.id, 'legal_reviewer')).toMatchObject({
      role: 'legal_reviewer',
    });
    expect(identity.lockStaffUser).toHaveBeenCalledWith(admin.agencyId, colleague.id);
    expect(identity.changeStaffRole).toHaveBeenCalledWith(colleague.id, 'legal_reviewer');
    expect(audit.recordChange).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        action: 'staff.role_changed',
        before: expect.objectContaining({ role: 'evaluator' }),
        after: expect.objectContaining({ role: 'legal_reviewer' }),
      }),
    );

    audit.recordChange.mockClear();
    identity.changeStaffRole.mockClear();
    await administration.changeRole(admin, colleague.id, 'evaluator');
    expect(identity.changeStaffRole).not.toHaveBeenCalled();
    expect(audit.recordChange).not.toHaveBeenCalled();
  });

  it('409s changing or deactivating your own account', async () => {
    const { administration, admin, identity } = administrationDoubles();
    const self = {
      ...aStaffUser({ id: admin.userId, agencyId: admin.agencyId, role: 'admin' }),
      createdAt: new Date(),
    };
    identity.lockStaffUser.mockResolvedValue(self);
    await expect(administration.changeRole(admin, self.id, 'evaluator')).rejects.toBeInstanceOf(ConflictException);
    await expect(administration.deactivate(admin, self.id)).rejects.toBeInstanceOf(ConflictException);
    expect(identity.changeStaffRole).not.toHaveBeenCalled();
    expect(identity.deactivateStaffUser).not.toHaveBeenCalled();
  });

  it('deactivates and reactivates once each, auditing only real changes', async () => {
    const { administration, admin, colleague, identity, audit } = administrationDoubles();
    expect(await administration.deactivate(admin, colleague.id)).toMatchObject({ active: false });
    expect(await administration.deactivate(admin, colleague.id)).toMatchObject({ active: false });
    expect(identity.deactivateStaffUser).toHaveBeenCalledTimes(1);

    expect(await administration.reactivate(admin, colleague.id)).toMatchObject({ active: true });
    expect(await administration.reactivate(admin, colleague.id)).toMatchObject({ active: true });
    expect(identity.reactivateStaffUser).toHaveBeenCalledTimes(1);
    expect(audit.recordChange.mock.calls.map(([, change]) => change.action)).toEqual([
      'staff.deactivated',
      'staff.reactivated',
    ]);
  });
});
