import type { AuditTrail } from '@probity/audit';
import type { CasesService } from '@probity/cases';
import type { AppConfig } from '@probity/config';
import type { UnitOfWork } from '@probity/database';
import type { IdentityService } from '@probity/identity';
import { mailJobId, Notifier } from '@probity/notifications';
import type { JobOutbox } from '@probity/queue';
import { aStaffUser } from '@probity/testing';
import { mockOf, panelFixture } from './evaluation-doubles';
import { EvaluatorInvitations } from './evaluator-invitations';

describe('EvaluatorInvitations (unit, mocked collaborators)', () => {
  function doubles(status: Parameters<typeof panelFixture>[0] = 'evaluation') {
    const fixture = panelFixture(status);
    const transaction = { inTransaction: true };
    const unitOfWork = { run: jest.fn((work: () => Promise<unknown>) => work()), transaction };
    const cases = mockOf<CasesService>('getCase', 'agencyName');
    const identity = mockOf<IdentityService>('staffOfAgency');
    const notifier = mockOf<Notifier>('queue');
    const outbox = mockOf<JobOutbox>('has');
    const audit = mockOf<AuditTrail>('recordChange');
    cases.getCase.mockResolvedValue(fixture.found);
    cases.agencyName.mockResolvedValue('Metropolitan Police');
    // Staff by name, as identity lists them; someone off the panel is never mailed.
    identity.staffOfAgency.mockResolvedValue([...fixture.staff, aStaffUser({ agencyId: fixture.found.agencyId })]);
    outbox.has.mockResolvedValue(false);
    const invitations = new EvaluatorInvitations(
      unitOfWork as unknown as UnitOfWork,
      cases as unknown as CasesService,
      identity as unknown as IdentityService,
      notifier as unknown as Notifier,
      outbox as unknown as JobOutbox,
      audit as unknown as AuditTrail,
      { publicBaseUrl: 'https://probity.example' } as AppConfig,
    );
    return { ...fixture, invitations, unitOfWork, transaction, notifier, outbox, audit };
  }

  it('mails every evaluator of the panel in one transaction and records whom it asked', async () => {
    const { invitations, found, notifier, audit, transaction, unitOfWork } = doubles();
    expect(await invitations.queue(found.id)).toEqual(['Eva Evaluator', 'Ben Evaluator']);
    expect(unitOfWork.run).toHaveBeenCalledTimes(1);
    expect(notifier.queue).toHaveBeenCalledWith(
      transaction,
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
    const { invitations, found, staff, notifier, outbox, audit } = doubles();
    outbox.has.mockImplementation(async (_manager: unknown, jobId: string) =>
      [staff[0], staff[1]].some((user) => jobId === mailJobId(`evaluation-invite:${found.id}:${user.id}`)),
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
