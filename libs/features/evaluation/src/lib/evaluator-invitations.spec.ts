import type { AuditTrail } from '@probity/audit';
import type { CasesService } from '@probity/cases';
import type { AppConfig } from '@probity/config';
import type { UnitOfWork } from '@probity/database';
import type { IdentityService } from '@probity/identity';
import type { Notifier } from '@probity/notifications';
import { aStaffUser, mockOf } from '@probity/testing';
import { panelFixture } from './evaluation-doubles';
import { EvaluatorInvitations } from './evaluator-invitations';

describe('EvaluatorInvitations (unit, mocked collaborators)', () => {
  function doubles(status: Parameters<typeof panelFixture>[0] = 'evaluation') {
    const fixture = panelFixture(status);
    // Stands in for the ambient transaction: open only while `run` is running its work.
    const unitOfWork = {
      open: false,
      run: jest.fn(async (work: () => Promise<unknown>) => {
        unitOfWork.open = true;
        try {
          return await work();
        } finally {
          unitOfWork.open = false;
        }
      }),
    };
    const cases = mockOf<CasesService>('getCase', 'agencyName');
    const identity = mockOf<IdentityService>('staffOfAgency');
    const notifier = mockOf<Notifier>('queue', 'alreadyQueued');
    const audit = mockOf<AuditTrail>('recordChange');
    // Every outbox read and write, and the audit entry, notes when it ran outside the unit of work.
    const outsideUnitOfWork: string[] = [];
    notifier.queue.mockImplementation(async () => {
      if (!unitOfWork.open) outsideUnitOfWork.push('notifier.queue');
    });
    audit.recordChange.mockImplementation(async () => {
      if (!unitOfWork.open) outsideUnitOfWork.push('audit.recordChange');
    });
    cases.getCase.mockResolvedValue(fixture.found);
    cases.agencyName.mockResolvedValue('Metropolitan Police');
    // Staff by name, as identity lists them; someone off the panel is never mailed.
    identity.staffOfAgency.mockResolvedValue([...fixture.staff, aStaffUser({ agencyId: fixture.found.agencyId })]);
    notifier.alreadyQueued.mockImplementation(async () => {
      if (!unitOfWork.open) outsideUnitOfWork.push('notifier.alreadyQueued');
      return false;
    });
    const invitations = new EvaluatorInvitations(
      unitOfWork as unknown as UnitOfWork,
      cases as unknown as CasesService,
      identity as unknown as IdentityService,
      notifier as unknown as Notifier,
      audit as unknown as AuditTrail,
      { publicBaseUrl: 'https://probity.example' } as AppConfig,
    );
    return { ...fixture, invitations, unitOfWork, outsideUnitOfWork, notifier, audit };
  }

  it('mails every evaluator of the panel in one transaction and records whom it asked', async () => {
    const { invitations, found, notifier, audit, outsideUnitOfWork, unitOfWork } = doubles();
    expect(await invitations.queue(found.id)).toEqual(['Eva Evaluator', 'Ben Evaluator']);
    expect(unitOfWork.run).toHaveBeenCalledTimes(1);
    // The check, the mails and the audit entry all run in that one unit of work: they commit together or not at all.
    expect(notifier.queue).toHaveBeenCalledTimes(2);
    expect(outsideUnitOfWork).toEqual([]);
    expect(notifier.queue).toHaveBeenCalledWith(
      expect.objectContaining({
        template: 'evaluation-invite',
        context: expect.objectContaining({
          agencyName: 'Metropolitan Police',
          evaluationUrl: `https://probity.example/cases/${found.id}/evaluation`,
        }),
      }),
    );
    expect(audit.recordChange).toHaveBeenCalledWith(
      { type: 'system', id: null, label: 'Evaluation' },
      expect.objectContaining({
        action: 'evaluation.evaluators-invited',
        after: { evaluators: ['Eva Evaluator', 'Ben Evaluator'] },
      }),
    );
  });

  it('asks nobody twice: an evaluator whose mail is already queued is skipped, and nothing is audited then', async () => {
    const { invitations, found, staff, notifier, audit } = doubles();
    notifier.alreadyQueued.mockImplementation(async (idempotencyKey: string) =>
      [staff[0], staff[1]].some((user) => idempotencyKey === `evaluation-invite:${found.id}:${user.id}`),
    );
    expect(await invitations.queue(found.id)).toEqual([]);
    expect(notifier.queue).not.toHaveBeenCalled();
    expect(audit.recordChange).not.toHaveBeenCalled();
  });

  it('asks nobody before or after evaluation', async () => {
    const { invitations, found, notifier } = doubles('closed');
    expect(await invitations.queue(found.id)).toEqual([]);
    expect(notifier.queue).not.toHaveBeenCalled();
  });
});
