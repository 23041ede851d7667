import { NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { AuditTrail } from '@probity/audit';
import type { EvidenceService } from '@probity/cases';
import type { UnitOfWork } from '@probity/database';
import type { StaffPrincipal } from '@probity/identity';
import { BUILT_IN_QUESTIONNAIRES } from '@probity/questionnaires';
import type { JobOutbox } from '@probity/queue';
import { aCase, aResponse, aStaffPrincipal } from '@probity/testing';
import type { CaseAccess } from './case-access';
import type { EvidenceConfirmation } from './evidence-confirmation.entity';
import type { ConfirmationInput, EvidenceConfirmationRepository } from './evidence-confirmation.repository';
import { EvidenceConfirmationService } from './evidence-confirmation.service';

const definition = BUILT_IN_QUESTIONNAIRES.find((q) => q.key === 'responsible-ai-high-risk')!.definition;

/** The service over doubles: an in-memory repository, a recording audit trail and outbox, a policy that grants. */
function setUp(status = 'evaluation') {
  const staff = aStaffPrincipal({ role: 'evaluator' }) as StaffPrincipal;
  const procurementCase = aCase({
    status: status as never,
    agencyId: staff.agencyId,
    questionnaireDefinition: definition,
  });
  const response = aResponse({
    caseId: procurementCase.id,
    status: 'submitted',
    answers: { harm_security_testing: 'independent-12m', priv_subprocessors: 'listed' },
  });
  const rows: EvidenceConfirmation[] = [];
  const repository: Partial<EvidenceConfirmationRepository> = {
    findOne: async (responseId, questionName, evaluatorId) =>
      rows.find(
        (r) => r.responseId === responseId && r.questionName === questionName && r.evaluatorId === evaluatorId,
      ) ?? null,
    upsert: async (input: ConfirmationInput) => {
      const index = rows.findIndex(
        (r) =>
          r.responseId === input.responseId &&
          r.questionName === input.questionName &&
          r.evaluatorId === input.evaluatorId,
      );
      const row = { id: `row-${rows.length}`, ...input, updatedAt: new Date() } as EvidenceConfirmation;
      if (index >= 0) rows[index] = row;
      else rows.push(row);
      return { ...row };
    },
    ofEvaluator: async (responseId, evaluatorId) =>
      rows.filter((r) => r.responseId === responseId && r.evaluatorId === evaluatorId),
    ofResponse: async (responseId) => rows.filter((r) => r.responseId === responseId),
    ofCase: async (caseId) => rows.filter((r) => r.caseId === caseId),
  };
  const audited: unknown[] = [];
  const queued: Array<{ name: string; jobId?: string }> = [];
  const access = { requireAccess: jest.fn(async () => ({ procurementCase, response })) };
  const service = new EvidenceConfirmationService(
    access as unknown as CaseAccess,
    {
      evidenceOf: async () => [{ id: 'file-1', questionName: 'harm_security_testing', fileName: 'pentest.pdf' }],
    } as unknown as EvidenceService,
    repository as EvidenceConfirmationRepository,
    { recordChange: async (_actor: unknown, change: unknown) => void audited.push(change) } as unknown as AuditTrail,
    {
      add: async (_manager: unknown, name: string, _payload: unknown, options: { jobId?: string }) => {
        queued.push({ name, jobId: options.jobId });
        return options.jobId ?? name;
      },
    } as unknown as JobOutbox,
    { run: (work: () => Promise<unknown>) => work(), transaction: {} } as unknown as UnitOfWork,
  );
  const ids = { caseId: procurementCase.id, responseId: response.id };
  return { staff, service, access, rows, audited, queued, ids, procurementCase };
}

describe('EvidenceConfirmationService', () => {
  it('asks the access policy for evidence.confirm before recording a verdict', async () => {
    const { service, staff, access, ids } = setUp();
    await service.confirm(staff, ids, 'harm_security_testing', 'supports', 'Report by an accredited lab, 2026.');
    expect(access.requireAccess).toHaveBeenCalledWith(staff, 'evidence.confirm', ids);
  });

  it('records a verdict with its audit entry and queues a re-scoring keyed by every verdict of the case', async () => {
    const { service, staff, ids, audited, queued, procurementCase } = setUp();
    const first = await service.confirm(staff, ids, 'harm_security_testing', 'supports', 'Accredited lab report.');
    expect(first.confirmation).toMatchObject({ supports: true, note: 'Accredited lab report.' });
    expect(audited).toEqual([
      expect.objectContaining({
        action: 'panel.evidence-confirmed',
        before: null,
        after: expect.objectContaining({ verdict: 'supports', files: ['pentest.pdf'] }),
      }),
    ]);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      name: 'evaluation.start',
      jobId: expect.stringMatching(`^evaluation-${procurementCase.id}-e`),
    });

    // Changing the verdict is a new round; saving the same verdict again queues nothing and audits nothing.
    const changed = await service.confirm(staff, ids, 'harm_security_testing', 'does-not-support', 'Report is for v1.');
    expect(changed.evaluationJobId).not.toBe(first.evaluationJobId);
    const again = await service.confirm(staff, ids, 'harm_security_testing', 'does-not-support', 'Report is for v1.');
    expect(again.evaluationJobId).toBeNull();
    expect(audited).toHaveLength(2);
    expect(queued).toHaveLength(2);
  });

  it('audits a changed note without re-scoring', async () => {
    const { service, staff, ids, audited, queued } = setUp();
    await service.confirm(staff, ids, 'harm_security_testing', 'supports', 'First note.');
    const edited = await service.confirm(staff, ids, 'harm_security_testing', 'supports', 'Better note.');
    expect(edited.evaluationJobId).toBeNull();
    expect(audited).toHaveLength(2);
    expect(queued).toHaveLength(1);
  });

  it('does not queue scoring before evaluation has started (its first round reads the verdicts)', async () => {
    const { service, staff, ids, queued } = setUp('closed');
    const recorded = await service.confirm(staff, ids, 'harm_security_testing', 'supports', 'Fine.');
    expect(recorded.evaluationJobId).toBeNull();
    expect(queued).toEqual([]);
  });

  it('refuses a question that needs no evidence (404) and a claim without files (422)', async () => {
    const { service, staff, ids, rows } = setUp();
    await expect(service.confirm(staff, ids, 'law_misuse', 'supports', 'x')).rejects.toBeInstanceOf(NotFoundException);
    await expect(service.confirm(staff, ids, 'priv_subprocessors', 'supports', 'x')).rejects.toBeInstanceOf(
      UnprocessableEntityException,
    );
    expect(rows).toEqual([]);
  });

  it('shows a panel member only their own verdicts, and gives the scorer the verdict of the whole panel', async () => {
    const { service, staff, ids } = setUp();
    const colleague = { ...staff, userId: 'colleague' } as StaffPrincipal;
    await service.confirm(staff, ids, 'harm_security_testing', 'supports', 'Mine.');
    await service.confirm(colleague, ids, 'harm_security_testing', 'does-not-support', 'Theirs.');
    const check = await service.claimsToCheck(staff, ids.caseId, ids.responseId);
    expect(check.claims.map((claim) => [claim.questionName, claim.own])).toEqual([
      ['harm_security_testing', { verdict: 'supports', note: 'Mine.' }],
      ['priv_subprocessors', null],
    ]);
    expect(await service.verdictsOf(ids.responseId)).toEqual([
      { questionName: 'harm_security_testing', confirmed: false, supports: 1, doesNotSupport: 1 },
    ]);
  });

  it('answers 404 for a response that is not submitted', async () => {
    const { service, staff, ids, access } = setUp();
    access.requireAccess.mockResolvedValueOnce({
      procurementCase: aCase({ id: ids.caseId, status: 'evaluation' }),
      response: aResponse({ id: ids.responseId, caseId: ids.caseId, status: 'in_progress' }),
    } as never);
    await expect(service.claimsToCheck(staff, ids.caseId, ids.responseId)).rejects.toBeInstanceOf(NotFoundException);
  });
});
