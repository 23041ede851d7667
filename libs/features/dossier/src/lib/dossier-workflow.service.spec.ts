import { ConflictException, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuditTrail } from '@probity/audit';
import type { CasesService, ProcurementCase } from '@probity/cases';
import type { IdentityService } from '@probity/identity';
import {
  aCase,
  aPanel,
  FactoryCaseStatus,
  aStaffPrincipal,
  aStaffUser,
  inlineUnitOfWork,
  mockOf,
  overDoubles,
} from '@probity/testing';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import type { DossierVersion } from './dossier-version.entity';
import type { DossierVersionRepository } from './dossier-version.repository';
import { DossierWorkflowService } from './dossier-workflow.service';
import type { DossierService } from './dossier.service';
import type { DossierReviewService } from './review.service';
import type { SignOffRequests } from './sign-off-requests';

function aVersion(overrides: Partial<DossierVersion> = {}): DossierVersion {
  return {
    id: randomUUID(),
    caseId: randomUUID(),
    version: 1,
    status: 'rendered',
    snapshot: {},
    snapshotHash: 'a'.repeat(64),
    pdfSha256: 'b'.repeat(64),
    printStatus: 'under review',
    renderProgress: 100,
    requestedAt: new Date(),
    renderedAt: new Date(),
    supersededAt: null,
    ...overrides,
  } as DossierVersion;
}

function workflowDoubles(status: FactoryCaseStatus = 'dossier_review') {
  const staff = aStaffPrincipal();
  const reviewerA = aStaffUser({ agencyId: staff.agencyId, name: 'Zoe Legal', role: 'legal_reviewer' });
  const reviewerB = aStaffUser({ agencyId: staff.agencyId, name: 'Adam Legal', role: 'legal_reviewer' });
  const evaluator = aStaffUser({ agencyId: staff.agencyId, name: 'Eve Evaluator', role: 'evaluator' });
  const procurementCase = aCase({
    agencyId: staff.agencyId,
    status,
    panel: aPanel([reviewerA, reviewerB, evaluator]),
  }) as unknown as ProcurementCase;
  const version = aVersion({ caseId: procurementCase.id });

  const unitOfWork = inlineUnitOfWork();
  const versions = mockOf<DossierVersionRepository>('findById');
  versions.findById.mockImplementation(async (id: string) => (id === version.id ? version : null));
  const cases = mockOf<CasesService>('getCase', 'caseOfAgency');
  cases.getCase.mockImplementation(async (id: string) => {
    if (id !== procurementCase.id) throw new NotFoundException('No such case.');
    return procurementCase;
  });
  cases.caseOfAgency.mockImplementation(async (agencyId: string, id: string) => {
    if (agencyId !== procurementCase.agencyId || id !== procurementCase.id)
      throw new NotFoundException('No such case.');
    return procurementCase;
  });
  const identity = mockOf<IdentityService>('staffOfAgency');
  // Another agency's account with a panel member's id must never be named.
  identity.staffOfAgency.mockResolvedValue([reviewerA, reviewerB, evaluator]);
  const dossiers = mockOf<DossierService>('versionFor', 'versionsOf', 'signed', 'pdf', 'signedPdf');
  dossiers.versionFor.mockResolvedValue(version);
  const reviews = mockOf<DossierReviewService>('reviewersOf', 'assignReviewers', 'state', 'comment', 'decide');
  reviews.reviewersOf.mockResolvedValue([]);
  const input = sampleDossierInput();
  const source = { inputFor: jest.fn(async () => input), markSignedOff: jest.fn() };
  const signOffRequests = mockOf<SignOffRequests>('queue');
  const audit = mockOf<AuditTrail>('recordChange');
  const workflow = overDoubles(
    DossierWorkflowService,
    unitOfWork,
    versions,
    cases,
    identity,
    dossiers,
    reviews,
    source,
    signOffRequests,
    audit,
  );
  return {
    workflow,
    staff,
    procurementCase,
    version,
    input,
    reviewerA,
    reviewerB,
    unitOfWork,
    versions,
    dossiers,
    reviews,
    signOffRequests,
    audit,
  };
}

describe('DossierWorkflowService (unit, mocked repositories and services)', () => {
  describe('which dossier the caller names', () => {
    it("answers 404 for a malformed id, an unknown id and another agency's version alike", async () => {
      const { workflow, staff, version, versions } = workflowDoubles();
      await expect(workflow.caseIdOf(staff, 'not-a-uuid')).rejects.toThrow(new NotFoundException('No such dossier.'));
      expect(versions.findById).not.toHaveBeenCalled();
      await expect(workflow.caseIdOf(staff, randomUUID())).rejects.toThrow(new NotFoundException('No such dossier.'));
      const stranger = aStaffPrincipal();
      await expect(workflow.caseIdOf(stranger, version.id)).rejects.toThrow(new NotFoundException('No such dossier.'));
      expect(await workflow.caseIdOf(staff, version.id)).toBe(version.caseId);
    });

    it('hands back the version with its case and leaves role and panel decisions to the route guard', async () => {
      const { workflow, staff, version, procurementCase } = workflowDoubles();
      expect(await workflow.dossierOf(staff, version.id)).toEqual({ version, procurementCase });
    });
  });

  describe('requestRender', () => {
    it('409s a signed case and a case whose evaluation has not started, before touching any dossier', async () => {
      for (const status of ['signed_off', 'open'] as const) {
        const { workflow, staff, procurementCase, dossiers } = workflowDoubles(status);
        await expect(workflow.requestRender(staff, procurementCase.id)).rejects.toBeInstanceOf(ConflictException);
        expect(dossiers.versionFor).not.toHaveBeenCalled();
      }
    });

    it('in evaluation: one transaction requests the version and audits it, with no reviewers yet', async () => {
      const {
        workflow,
        staff,
        procurementCase,
        version,
        input,
        unitOfWork,
        dossiers,
        reviews,
        audit,
        signOffRequests,
      } = workflowDoubles('evaluation');
      const result = await workflow.requestRender(staff, procurementCase.id);
      expect(unitOfWork.run).toHaveBeenCalledTimes(1);
      expect(dossiers.versionFor).toHaveBeenCalledWith(procurementCase.id, input);
      expect(reviews.assignReviewers).not.toHaveBeenCalled();
      expect(signOffRequests.queue).toHaveBeenCalledWith(version);
      expect(audit.recordChange.mock.calls.map(([, change]) => change.action)).toEqual(['dossier.render-requested']);
      expect(result).toEqual({ version, reviewers: [] });
    });

    it("in legal review: makes the panel's legal reviewers the required reviewers, by name, and audits the change", async () => {
      const { workflow, staff, procurementCase, reviewerA, reviewerB, reviews, audit } = workflowDoubles();
      await workflow.requestRender(staff, procurementCase.id);
      expect(reviews.assignReviewers).toHaveBeenCalledWith(procurementCase.id, [
        { id: reviewerB.id, name: 'Adam Legal', role: 'Legal reviewer' },
        { id: reviewerA.id, name: 'Zoe Legal', role: 'Legal reviewer' },
      ]);
      expect(audit.recordChange.mock.calls.map(([, change]) => change.action)).toEqual([
        'dossier.reviewers-set',
        'dossier.render-requested',
      ]);
    });

    it('leaves an unchanged reviewer list alone', async () => {
      const { workflow, staff, procurementCase, reviewerA, reviewerB, reviews } = workflowDoubles();
      reviews.reviewersOf.mockResolvedValue(
        [reviewerA, reviewerB].map((r) => ({ caseId: procurementCase.id, reviewerId: r.id, name: r.name, role: 'x' })),
      );
      await workflow.requestRender(staff, procurementCase.id);
      expect(reviews.assignReviewers).not.toHaveBeenCalled();
    });
  });

  describe('review copies and decisions', () => {
    it('409s the review copy while it is rendered and 404s a signed PDF that does not exist', async () => {
      const { workflow, staff, version, dossiers } = workflowDoubles();
      dossiers.pdf.mockResolvedValue(null);
      dossiers.signedPdf.mockResolvedValue(null);
      await expect(workflow.pdf(staff, version.id)).rejects.toBeInstanceOf(ConflictException);
      await expect(workflow.signedPdf(staff, version.id)).rejects.toBeInstanceOf(NotFoundException);
      dossiers.pdf.mockResolvedValue(Buffer.from('%PDF'));
      expect((await workflow.pdf(staff, version.id)).pdf.toString()).toBe('%PDF');
    });

    it('takes comments and decisions only in legal review', async () => {
      const { workflow, staff, version, reviews } = workflowDoubles('evaluation');
      await expect(workflow.comment(staff, version.id, { section: 'summary', body: 'Fine.' })).rejects.toBeInstanceOf(
        ConflictException,
      );
      await expect(
        workflow.decide(staff, version.id, { decision: 'approve', pdfSha256: version.pdfSha256 as string }),
      ).rejects.toBeInstanceOf(ConflictException);
      expect(reviews.comment).not.toHaveBeenCalled();
      expect(reviews.decide).not.toHaveBeenCalled();
    });

    it("records the signed-in reviewer's decision and audits it inside the decision's transaction", async () => {
      const { workflow, staff, version, reviews, audit } = workflowDoubles();
      const decision = { id: randomUUID(), decision: 'approve', conditions: null, reason: null, pdfSha256: 'b' };
      reviews.decide.mockImplementation(async (_id, _reviewer, _input, recorded) => {
        await recorded(decision);
        return decision;
      });
      await workflow.decide(staff, version.id, { decision: 'approve', pdfSha256: version.pdfSha256 as string });
      expect(reviews.decide).toHaveBeenCalledWith(
        version.id,
        { id: staff.userId, name: staff.name, role: 'Legal reviewer' },
        expect.anything(),
        expect.any(Function),
      );
      expect(audit.recordChange).toHaveBeenCalledWith(
        expect.objectContaining({ id: staff.userId }),
        expect.objectContaining({ action: 'dossier.decided', subject: { type: 'dossier', id: version.id } }),
      );
    });
  });
});
