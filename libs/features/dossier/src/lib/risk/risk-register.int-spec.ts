import { BadRequestException, ConflictException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditTrail } from '@probity/audit';
import { CasesService } from '@probity/cases';
import type { StaffPrincipal } from '@probity/identity';
import { dossierReviewHarness, legal } from '../../testing/dossier-review-harness';
import type { DossierInput } from '../../model/dossier-input';
import { DossierReviewService } from '../review.service';
import { RiskRegisterAssembler } from './risk-register-assembler';
import { RiskRegisterService } from './risk-register.service';

describe('the risk register kept per case (real PostgreSQL)', () => {
  const harness = dossierReviewHarness();
  const { source, newCase, renderedVersion } = harness;
  let risks: RiskRegisterService;
  let reviews: DossierReviewService;
  let agencyId: string;
  let officer: StaffPrincipal;
  let reviewer: StaffPrincipal;

  beforeAll(async () => {
    const { moduleRef } = harness.ready;
    risks = moduleRef.get(RiskRegisterService);
    reviews = moduleRef.get(DossierReviewService);
    const assembler = moduleRef.get(RiskRegisterAssembler);
    // The sample source, with the register put together from the real tables as the case source does.
    const sample = source.inputFor.bind(source);
    source.inputFor = async (caseId: string): Promise<DossierInput> => {
      const input = await sample(caseId);
      const { agencyId: owner } = await moduleRef.get(CasesService).getCase(caseId);
      return { ...input, riskRegister: await assembler.registerFor(caseId, owner, input) };
    };
  });

  async function caseInReview(): Promise<string> {
    const caseId = await newCase();
    await harness.ready.dataSource.query(`UPDATE procurement_cases SET status = 'dossier_review' WHERE id = $1`, [
      caseId,
    ]);
    agencyId = (await harness.ready.moduleRef.get(CasesService).getCase(caseId)).agencyId;
    officer = {
      userId: randomUUID(),
      agencyId,
      role: 'procurement_officer',
      email: 'o@x.example',
      name: 'P. Officer',
      sessionId: 's1',
    };
    reviewer = {
      userId: legal.id,
      agencyId,
      role: 'legal_reviewer',
      email: 'l@x.example',
      name: legal.name,
      sessionId: 's2',
    };
    return caseId;
  }

  const auditActions = async () =>
    (await harness.ready.moduleRef.get(AuditTrail).list(agencyId, { page: 1, pageSize: 100 })).items.map(
      (e) => e.action,
    );

  it('stores the proposals when the officer opens the register, and keeps edits, additions and removals with reasons', async () => {
    const caseId = await caseInReview();
    const opened = await risks.register(officer, caseId);
    const helios = opened.providers.find((p) => p.providerName === 'Helios Forensic AI')!;
    expect(helios.rows.length).toBeGreaterThanOrEqual(6);
    const stored = await harness.ready.dataSource.query(`SELECT row_key FROM risk_register_rows WHERE case_id = $1`, [
      caseId,
    ]);
    expect(stored.length).toBe(opened.providers.reduce((n, p) => n + p.rows.length, 0));

    const [first, second] = helios.rows;
    await expect(
      risks.edit(officer, caseId, {
        providerId: helios.providerId,
        key: first.key,
        reason: ' ',
        changes: { owner: 'X' },
      }),
    ).rejects.toBeInstanceOf(BadRequestException);
    await expect(
      risks.edit(officer, caseId, {
        providerId: helios.providerId,
        key: first.key,
        reason: 'r',
        changes: { residualImpact: 9 },
      }),
    ).rejects.toBeInstanceOf(BadRequestException);
    const edited = await risks.edit(officer, caseId, {
      providerId: helios.providerId,
      key: first.key,
      reason: 'The DPO owns this one',
      changes: { owner: 'Data protection officer', residualLikelihood: 1 },
    });
    expect(edited).toMatchObject({
      owner: 'Data protection officer',
      origin: 'edited',
      residual: edited.residualImpact,
    });
    await risks.remove(officer, caseId, { providerId: helios.providerId, key: second.key, reason: 'Duplicate of R1' });

    const again = await risks.register(officer, caseId);
    const rows = again.providers.find((p) => p.providerId === helios.providerId)!.rows;
    expect(rows.find((r) => r.key === first.key)).toMatchObject({
      owner: 'Data protection officer',
      reason: 'The DPO owns this one',
    });
    expect(rows.some((r) => r.key === second.key)).toBe(false);
    expect(rows.length).toBe(helios.rows.length - 1);
    expect(await auditActions()).toEqual(expect.arrayContaining(['risk.edited', 'risk.removed']));
  });

  it('blocks approval on a residual risk above the appetite until a reviewer accepts it, then approval passes', async () => {
    const caseId = await caseInReview();
    const opened = await risks.register(officer, caseId);
    const recommended = opened.recommendedProviderId!;
    expect(opened.appetite).toBe(12);
    const added = await risks.add(officer, caseId, {
      providerId: recommended,
      reason: 'Vendor lock-in found in the contract talks',
      principle: 'accountability',
      description: 'The provider alone can operate the system',
      likelihood: { value: 4, reason: 'single supplier' },
      impact: { value: 4, reason: 'service stops for everyone' },
      mitigation: { kind: 'agency-measure', text: 'Exit plan', clause: null },
      owner: 'Procurement officer',
    });
    expect(added.residual).toBe(16);
    expect((await risks.register(reviewer, caseId)).blocking).toEqual([
      expect.objectContaining({ key: added.key, residual: 16 }),
    ]);

    const version = await renderedVersion(caseId);
    await reviews.assignReviewers(caseId, [legal]);
    const approve = { decision: 'approve' as const, pdfSha256: version.pdfSha256! };
    const refusal = reviews.decide(version.id, legal, approve);
    await expect(refusal).rejects.toBeInstanceOf(ConflictException);
    await expect(reviews.decide(version.id, legal, approve)).rejects.toThrow(
      /above the agency's appetite \(12\).*The provider alone/,
    );

    await expect(
      risks.accept(reviewer, caseId, { providerId: recommended, key: added.key, reason: '' }),
    ).rejects.toBeInstanceOf(BadRequestException);
    const acceptance = await risks.accept(reviewer, caseId, {
      providerId: recommended,
      key: added.key,
      reason: 'Exit plan is budgeted; we accept the dependency for the first term',
    });
    expect(acceptance).toMatchObject({ residual: 16, reviewerName: legal.name });
    expect((await risks.register(reviewer, caseId)).blocking).toEqual([]);

    const decision = await reviews.decide(version.id, legal, approve);
    expect(decision.decision).toBe('approve');
    expect(await auditActions()).toEqual(expect.arrayContaining(['risk.added', 'risk.accepted']));
  });

  it('lets the agency set its appetite (1–25), which decides what needs an acceptance', async () => {
    const caseId = await caseInReview();
    const opened = await risks.register(officer, caseId);
    await expect(risks.setAppetite(officer, 30, 'Higher')).rejects.toBeInstanceOf(BadRequestException);
    await expect(risks.setAppetite(officer, 20, '  ')).rejects.toThrow(/needs a reason/);
    await risks.setAppetite(officer, 25, 'Board decision of 3 December');
    expect(await risks.appetite(officer)).toEqual({ residualThreshold: 25 });
    expect((await risks.register(officer, caseId)).appetite).toBe(25);
    const anyRow = opened.providers.flatMap((p) => p.rows.map((row) => ({ providerId: p.providerId, row })))[0];
    await expect(
      risks.accept(reviewer, caseId, { providerId: anyRow.providerId, key: anyRow.row.key, reason: 'fine' }),
    ).rejects.toThrow(/within the agency's appetite \(25\)/);
    await risks.setAppetite(officer, 12, 'Back to the default');
    expect(await auditActions()).toContain('agency.risk-appetite-set');
  });
});
