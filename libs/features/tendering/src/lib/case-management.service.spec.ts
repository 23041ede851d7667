import type { CasesService, ClarificationsService, ResponsesService } from '@probity/cases';
import type { UnitOfWork } from '@probity/database';
import type { DossierWorkflowService } from '@probity/dossier';
import type { Notifier } from '@probity/notifications';
import { aCase, aResponse, aStaffPrincipal } from '@probity/testing';
import { CaseManagementService } from './case-management.service';

describe('CaseManagementService (unit, mocked services)', () => {
  const officer = aStaffPrincipal({ role: 'procurement_officer' });
  const procurementCase = aCase({ agencyId: officer.agencyId });
  const providers = [
    aResponse({ caseId: procurementCase.id, contactEmails: ['bids@one.example'] }),
    aResponse({ caseId: procurementCase.id, contactEmails: ['tenders@two.example'] }),
  ];
  const published = {
    id: 'c1a2b3c4-0000-4000-8000-000000000001',
    caseId: procurementCase.id,
    question: 'Is a pilot planned?',
    answer: 'Yes, three months.',
    publishedAt: new Date('2026-12-01T10:00:00Z'),
  };

  function management() {
    const log: string[] = [];
    let open = 0;
    const unitOfWork = {
      run: jest.fn(async (work: () => Promise<unknown>) => {
        open += 1;
        try {
          return await work();
        } finally {
          open -= 1;
        }
      }),
    };
    const cases = {
      createCase: jest.fn(async () => procurementCase),
      setPanel: jest.fn(async () => {
        log.push('setPanel');
        return procurementCase;
      }),
      getCase: jest.fn(async () => procurementCase),
      agencyName: jest.fn(async () => 'Policia Judiciária'),
    };
    const responses = { responsesOf: jest.fn(async () => providers) };
    const clarifications = { answer: jest.fn(async () => (log.push(`answer inside=${open}`), published)) };
    const dossiers = { panelChanged: jest.fn(async () => log.push('panelChanged')) };
    const notifier = { queue: jest.fn(async () => log.push(`mail inside=${open}`)) };
    const service = new CaseManagementService(
      unitOfWork as unknown as UnitOfWork,
      cases as unknown as CasesService,
      responses as unknown as ResponsesService,
      clarifications as unknown as ClarificationsService,
      dossiers as unknown as DossierWorkflowService,
      notifier as unknown as Notifier,
    );
    return { service, cases, clarifications, notifier, log };
  }

  it('publishes an answer and queues one announcement per invited provider in the same unit of work', async () => {
    const { service, clarifications, notifier, log } = management();
    await expect(service.answerClarification(officer, published.id, { answer: published.answer })).resolves.toBe(
      published,
    );
    expect(clarifications.answer).toHaveBeenCalledWith(
      officer.agencyId,
      published.id,
      { answer: published.answer },
      expect.objectContaining({ type: 'staff', id: officer.userId }),
    );
    expect(log).toEqual(['answer inside=1', 'mail inside=1', 'mail inside=1']);
    expect(notifier.queue).toHaveBeenCalledWith(
      expect.objectContaining({
        template: 'clarification-published',
        to: ['tenders@two.example'],
        idempotencyKey: `clarification:${published.id}:${providers[1].id}`,
        context: expect.objectContaining({ caseReference: procurementCase.reference, answer: published.answer }),
      }),
    );
  });

  it('queues no announcement when publishing is refused', async () => {
    const { service, clarifications, notifier } = management();
    clarifications.answer.mockRejectedValueOnce(new Error('already published'));
    await expect(service.answerClarification(officer, published.id, { answer: 'x' })).rejects.toThrow(
      'already published',
    );
    expect(notifier.queue).not.toHaveBeenCalled();
  });

  it('sets the panel, then lets the dossier take the new legal reviewers', async () => {
    const { service, cases, log } = management();
    const members = [{ userId: 'u1', role: 'legal_reviewer' as const }];
    await service.setPanel(officer, procurementCase.id, members);
    expect(cases.setPanel).toHaveBeenCalledWith(officer.agencyId, procurementCase.id, members, expect.anything());
    expect(log).toEqual(['setPanel', 'panelChanged']);
  });

  it('raises a case from the checked form with its dates as dates', async () => {
    const { service, cases } = management();
    await service.createCase(officer, {
      reference: 'PROC-1',
      title: 'T',
      description: 'D',
      intendedUse: 'U',
      aiActClassification: { annexIII: [], remoteBiometricIdentification: 'none', personalData: true },
      responsesDue: '2027-01-31T23:59:59.000Z',
      criteriaWeights: { transparency: 100 },
      questionnaireKey: 'core',
    });
    expect(cases.createCase).toHaveBeenCalledWith(
      officer.agencyId,
      expect.objectContaining({ responsesDue: new Date('2027-01-31T23:59:59.000Z'), questionsDue: undefined }),
      expect.objectContaining({ type: 'staff' }),
    );
  });
});
