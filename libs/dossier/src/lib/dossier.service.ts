import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CasesService } from '@probity/cases';
import { EvaluationResultsService, StoredFindings } from '@probity/evaluation';
import { BUILT_IN_QUESTIONNAIRES, contentHash, QuestionnaireDefinition } from '@probity/questionnaires';
import {
  InvalidJobPayloadError,
  JobContext,
  JobHandler,
  JobOutbox,
  JobProcessor,
  ParsedJobPayload,
} from '@probity/queue';
import type { CriteriaWeights, ScoreSheet } from '@probity/scoring';
import { assembleSnapshot } from './assemble-snapshot';
import { DossierRenderer } from './dossier-renderer';
import type { DossierSnapshot } from './dossier-snapshot';
import { DossierVersion } from './dossier-version.entity';

export type DossierVerification =
  | {
      valid: true;
      caseReference: string;
      caseTitle: string;
      version: number;
      status: string;
      renderedAt: string | null;
      pdfSha256: string;
      signed: false;
    }
  | { valid: false; reason: string; pdfSha256: string };

@Injectable()
export class DossierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly results: EvaluationResultsService,
    private readonly outbox: JobOutbox,
  ) {}

  /** Everything the dossier depends on, read from stored scores: nothing is recomputed here. */
  async buildSnapshot(caseId: string): Promise<DossierSnapshot> {
    const procurementCase = await this.cases.getCase(caseId);
    const stored = await this.results.latestComparison(caseId);
    if (!stored)
      throw new ConflictException('The case has no comparison yet: start the evaluation and let scoring finish.');
    const submitted = (await this.cases.responsesOf(caseId)).filter((response) => response.status === 'submitted');
    const providers = [];
    for (const response of submitted) {
      const score = await this.results.latestScore(response.id);
      if (!score) throw new ConflictException(`${response.organisationName} is not scored yet.`);
      const findings = score.findings as StoredFindings;
      providers.push({
        id: response.id,
        name: response.organisationName,
        country: response.country,
        legalIdentifiers: response.legalIdentifiers,
        submittedAt: response.submittedAt,
        submissionHash: response.submissionHash,
        answers: response.answers,
        sheet: score.sheet as ScoreSheet,
        findings: findings.rules,
        missingEvidence: findings.missingEvidence,
        evidence: findings.evidence,
      });
    }
    const template = BUILT_IN_QUESTIONNAIRES.find((q) => q.key === procurementCase.questionnaireKey);
    return assembleSnapshot({
      agencyName: procurementCase.agencyName,
      case: {
        id: procurementCase.id,
        reference: procurementCase.reference,
        title: procurementCase.title,
        description: procurementCase.description,
        intendedUse: procurementCase.intendedUse,
        aiActClassification: procurementCase.aiActClassification,
        estimatedValue: procurementCase.estimatedValue,
        currency: procurementCase.currency,
        status: procurementCase.status,
        publishedAt: procurementCase.publishedAt,
        questionsDue: procurementCase.questionsDue,
        responsesDue: procurementCase.responsesDue,
        questionnaireTitle: template?.title ?? procurementCase.questionnaireKey,
        questionnaireHash: procurementCase.questionnaireHash,
      },
      definition: procurementCase.questionnaireDefinition as QuestionnaireDefinition,
      weights: procurementCase.criteriaWeights as CriteriaWeights,
      providers,
      comparison: stored.comparison,
    });
  }

  /**
   * A dossier version per distinct snapshot: asking again with nothing changed returns the same
   * version; any change to what the dossier depends on makes the next version.
   */
  async requestRender(caseId: string): Promise<DossierVersion> {
    const snapshot = await this.buildSnapshot(caseId);
    const snapshotHash = contentHash(snapshot);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(DossierVersion);
      const existing = await repository.findOneBy({ caseId, snapshotHash });
      if (existing) return existing;
      const latest = await repository.findOne({ where: { caseId }, order: { version: 'DESC' } });
      const created = repository.create({
        id: randomUUID(),
        caseId,
        version: (latest?.version ?? 0) + 1,
        status: 'pending',
        snapshot,
        snapshotHash,
        pdf: null,
        pdfSha256: null,
        renderedAt: null,
      });
      await repository.save(created);
      await this.outbox.add(manager, 'dossier.render', { dossierId: created.id }, { jobId: `dossier-${created.id}` });
      return created;
    });
  }

  async get(dossierId: string): Promise<DossierVersion> {
    const found = await this.dataSource.getRepository(DossierVersion).findOneBy({ id: dossierId });
    if (!found) throw new NotFoundException('No such dossier.');
    return found;
  }

  /**
   * Whether these exact bytes are a dossier Probity rendered. Sign-off is not built yet, so a match
   * is reported as an unsigned render of its version.
   */
  async verify(pdf: Buffer): Promise<DossierVerification> {
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
    const found = await this.dataSource
      .getRepository(DossierVersion)
      .findOne({ where: { pdfSha256 }, relations: { procurementCase: true } });
    if (!found?.procurementCase) {
      return {
        valid: false,
        pdfSha256,
        reason: 'These bytes match no dossier Probity rendered: the file was altered or does not come from Probity.',
      };
    }
    return {
      valid: true,
      caseReference: found.procurementCase.reference,
      caseTitle: found.procurementCase.title,
      version: found.version,
      status: found.status,
      renderedAt: found.renderedAt?.toISOString() ?? null,
      pdfSha256,
      signed: false,
    };
  }

  async pdf(dossierId: string): Promise<Buffer | null> {
    const found = await this.dataSource
      .getRepository(DossierVersion)
      .createQueryBuilder('d')
      .addSelect('d.pdf')
      .where('d.id = :id', { id: dossierId })
      .getOne();
    return found?.pdf ?? null;
  }
}

@JobProcessor('dossier.render')
@Injectable()
export class RenderDossierJob implements JobHandler<'dossier.render'> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renderer: DossierRenderer,
  ) {}

  async handle(
    { dossierId }: ParsedJobPayload<'dossier.render'>,
    context: JobContext,
  ): Promise<{ pdfSha256: string; rendered: boolean }> {
    const repository = this.dataSource.getRepository(DossierVersion);
    const dossier = await repository.findOneBy({ id: dossierId });
    if (!dossier) throw new InvalidJobPayloadError('dossier.render', `dossier ${dossierId} does not exist`);
    if (dossier.pdfSha256) return { pdfSha256: dossier.pdfSha256, rendered: false };
    await context.updateProgress(10);
    const { pdf } = await this.renderer.render(dossier.snapshot as DossierSnapshot, {
      version: dossier.version,
      status: 'draft',
      snapshotHash: dossier.snapshotHash,
      generatedAt: dossier.requestedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    });
    await context.updateProgress(90);
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
    // Only the first completed render is kept: a stored PDF is never replaced.
    await repository
      .createQueryBuilder()
      .update()
      .set({ pdf, pdfSha256, status: 'rendered', renderedAt: new Date() })
      .where('id = :id AND pdf_sha256 IS NULL', { id: dossierId })
      .execute();
    const stored = await repository.findOneByOrFail({ id: dossierId });
    return { pdfSha256: stored.pdfSha256 as string, rendered: stored.pdfSha256 === pdfSha256 };
  }
}
