import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CasesService, ResponsesService } from '@probity/cases';
import { JobQueue, OutboxRelay } from '@probity/queue';
import { ScoreSheet } from '@probity/scoring';
import { waitFor } from '@probity/testing';
import { DossierService } from '@probity/dossier';
import { EvaluationResultsService, ResponseScore } from '@probity/evaluation';
import { workerWithSubmissionsForSuite } from './support/worker-with-submissions';

describe('scoring and comparison through Redis and the worker (real services)', () => {
  const world = workerWithSubmissionsForSuite();

  it('scores every submission once and compares the providers after the case moves to evaluation', async () => {
    const results = world.app.get(EvaluationResultsService);
    await waitFor(async () => (await results.progress(world.caseId)).scored === 3);

    await world.app.get(CasesService).transition(world.caseId, 'closed');
    await world.app.get(CasesService).transition(world.caseId, 'evaluation');
    const stored = await waitFor(() => results.latestComparison(world.caseId));
    const { comparison } = stored;

    expect(comparison.ranked.map((provider) => [provider.name, provider.rank])).toEqual([
      ['Northwind Vision Analytics', 1],
      ['Helios Forensic AI', 2],
    ]);
    expect(comparison.ranked[0].overall).toBeGreaterThan(comparison.ranked[1].overall as number);
    expect(comparison.disqualified.map((provider) => provider.name)).toEqual(['Blackbox Surveillance Ltd']);
    expect(comparison.disqualified[0].knockouts.map((finding) => finding.ruleId)).toEqual([
      'ko-no-audit-access',
      'ko-provenance-refused',
      'ko-no-stop',
    ]);
    expect(comparison.ranked[1].redFlags.map((finding) => finding.ruleId)).toContain('rf-no-disaggregated-results');
  });

  it('stores a breakdown whose contributions add up to the overall score', async () => {
    const scores = await world.app.get(DataSource).getRepository(ResponseScore).find();
    expect(scores).toHaveLength(3);
    for (const score of scores) {
      const sheet = score.sheet as ScoreSheet;
      const sum = sheet.questions.reduce((total, question) => total + question.contribution, 0);
      expect(Math.abs(sum - (score.overall as number))).toBeLessThan(1e-9);
    }
  });

  it('changes nothing when a scoring job is duplicated or retried', async () => {
    const [response] = await world.app.get(ResponsesService).responsesOf(world.caseId);
    const jobs = world.app.get(JobQueue);
    await jobs.enqueue(
      'scoring.score-response',
      { responseId: response.id, revision: response.revision },
      { jobId: `dup-a-${response.id}` },
    );
    await jobs.enqueue(
      'scoring.score-response',
      { responseId: response.id, revision: response.revision },
      { jobId: `dup-b-${response.id}` },
    );
    await world.app.get(OutboxRelay).dispatchPending();
    await sleep(1500);
    expect(await world.app.get(DataSource).getRepository(ResponseScore).countBy({ responseId: response.id })).toBe(1);
  });

  it('renders the dossier once per snapshot, however often it is requested or the job repeats', async () => {
    const dossiers = world.app.get(DossierService);
    const first = await dossiers.requestRender(world.caseId);
    const second = await dossiers.requestRender(world.caseId);
    expect(second.id).toBe(first.id);
    expect(first.version).toBe(1);
    const rendered = await waitFor(async () => {
      await world.app.get(OutboxRelay).dispatchPending();
      const current = await dossiers.get(first.id);
      return current.pdfSha256 ? current : null;
    }, 90000);
    const pdf = await dossiers.pdf(first.id);
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');

    const verified = await dossiers.verify(pdf!);
    expect(verified).toMatchObject({
      valid: true,
      version: 1,
      caseReference: expect.stringMatching(/^PROC-/),
      signed: false,
    });
    const tampered = Buffer.from(pdf!);
    tampered[tampered.length - 100] ^= 0x01;
    expect(await dossiers.verify(tampered)).toMatchObject({ valid: false, reason: expect.stringMatching(/altered/) });

    await world.app.get(JobQueue).enqueue('dossier.render', { dossierId: first.id }, { jobId: `again-${first.id}` });
    await sleep(1500);
    expect((await dossiers.get(first.id)).pdfSha256).toBe(rendered.pdfSha256);
  });
});
