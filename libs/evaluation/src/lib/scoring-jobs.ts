import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CasesService, EvidenceService, ProcurementCase, ProviderResponse, ResponsesService } from '@probity/cases';
import {
  contentHash,
  evaluateLogic,
  evaluateRules,
  QuestionnaireDefinition,
  RuleFinding,
  toRubricItems,
} from '@probity/questionnaires';
import { InvalidJobPayloadError, JobHandler, JobProcessor, JobQueue, ParsedJobPayload } from '@probity/queue';
import {
  compareProviders,
  CriteriaWeights,
  EvidenceFinding,
  missingEvidence,
  ProviderResult,
  rankWithPrice,
  ScoreSheet,
  scoreResponse,
  SCORING_VERSION,
  ScoringInputError,
} from '@probity/scoring';
import { CaseComparison, ModeratedScore, ProviderPrice, ResponseScore } from './evaluation.entities';
import { pricingInputs, StoredComparison } from './pricing';
import { EvaluatorInvitations } from './evaluator-invitations';
import { ClaimVerdict, confirmedClaims, scorerVerdicts } from './evidence-claims';
import { EvidenceConfirmationService } from './evidence-confirmation.service';
import { PanelService } from './panel.service';

/** Input the scorer rejects (bad rubric or weights) can never succeed: fail the job without retrying. */
function asInvalidPayload<T>(jobName: 'scoring.score-response' | 'scoring.compare-case', compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ScoringInputError) throw new InvalidJobPayloadError(jobName, error.problems.join('; '));
    throw error;
  }
}

export interface StoredFindings {
  rules: RuleFinding[];
  missingEvidence: EvidenceFinding[];
  evidence: Array<{ questionName: string; fileName: string; sha256: string }>;
  /** The panel's "evidence supports the claim" verdicts the score was computed with (absent before that step). */
  evidenceConfirmations?: ClaimVerdict[];
}

@JobProcessor('scoring.score-response')
@Injectable()
export class ScoreResponseJob implements JobHandler<'scoring.score-response'> {
  /** Frozen questionnaires by content hash: immutable, so caching them is always correct. */
  private readonly questionnaires = new Map<string, QuestionnaireDefinition>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly evidence: EvidenceService,
    private readonly panel: PanelService,
    private readonly evidenceConfirmations: EvidenceConfirmationService,
  ) {}

  private async frozenQuestionnaire(caseId: string, hash: string): Promise<QuestionnaireDefinition> {
    const cached = this.questionnaires.get(hash);
    if (cached) return cached;
    const { questionnaireDefinition } = await this.dataSource.getRepository(ProcurementCase).findOneOrFail({
      where: { id: caseId },
      select: { id: true, questionnaireDefinition: true },
    });
    if (this.questionnaires.size >= 50) this.questionnaires.delete(this.questionnaires.keys().next().value as string);
    this.questionnaires.set(hash, questionnaireDefinition as QuestionnaireDefinition);
    return questionnaireDefinition as QuestionnaireDefinition;
  }

  async handle({
    responseId,
    revision,
  }: ParsedJobPayload<'scoring.score-response'>): Promise<{ scoreId: string; created: boolean } | { skipped: string }> {
    const response = await this.dataSource.getRepository(ProviderResponse).findOneBy({ id: responseId });
    if (!response) throw new InvalidJobPayloadError('scoring.score-response', `response ${responseId} does not exist`);
    if (response.status !== 'submitted')
      throw new InvalidJobPayloadError('scoring.score-response', `response ${responseId} is not submitted`);
    // A reopened and resubmitted response has its own job for the newer revision.
    if (response.revision !== revision)
      return { skipped: `revision ${revision} is superseded by ${response.revision}` };

    const [procurementCase, panelScores, evidence, verdicts] = await Promise.all([
      this.dataSource.getRepository(ProcurementCase).findOneOrFail({
        where: { id: response.caseId },
        select: { id: true, criteriaWeights: true, questionnaireHash: true },
      }),
      this.panel.consensusScores(responseId),
      this.evidence.evidenceOf(responseId),
      this.evidenceConfirmations.verdictsOf(responseId),
    ]);
    // Without verdicts the hash is the one earlier scores were stored under.
    const evidenceConfirmations = verdicts.length ? confirmedClaims(verdicts) : undefined;
    const definition = await this.frozenQuestionnaire(procurementCase.id, procurementCase.questionnaireHash);
    const weights = procurementCase.criteriaWeights as CriteriaWeights;
    const inputHash = contentHash({
      revision,
      answers: response.answers,
      questionnaire: procurementCase.questionnaireHash,
      weights,
      panelScores,
      evidence: [...new Set(evidence.map((file) => file.questionName))].sort(),
      ...(evidenceConfirmations ? { evidenceConfirmations } : {}),
      scoringVersion: SCORING_VERSION,
    });

    const logic = evaluateLogic(definition, response.answers);
    const items = toRubricItems(definition, response.answers, logic);
    const sheet = asInvalidPayload('scoring.score-response', () =>
      scoreResponse(items, response.answers, {
        weights,
        panelScores,
        attachedEvidence: new Set(evidence.map((file) => file.questionName)),
        // The evidence rule's other input: the panel's verdict on each claim's evidence.
        evidenceConfirmations: scorerVerdicts(verdicts),
      }),
    );
    const evidenceCount: Record<string, number> = {};
    for (const file of evidence) evidenceCount[file.questionName] = (evidenceCount[file.questionName] ?? 0) + 1;
    const findings: StoredFindings = {
      rules: evaluateRules(definition, response.answers, undefined, logic),
      missingEvidence: missingEvidence(items, response.answers, evidenceCount),
      evidence: evidence.map((file) => ({
        questionName: file.questionName,
        fileName: file.fileName,
        sha256: file.sha256,
      })),
      ...(verdicts.length ? { evidenceConfirmations: verdicts } : {}),
    };
    const repository = this.dataSource.getRepository(ResponseScore);
    const id = randomUUID();
    // Scoring is cheap next to a round trip, so a duplicate is detected by the insert, not looked up first:
    // the unique key makes a duplicated or retried job insert nothing the second time.
    const result = await repository
      .createQueryBuilder()
      .insert()
      .values({
        id,
        caseId: response.caseId,
        responseId,
        responseRevision: revision,
        scoringVersion: SCORING_VERSION,
        inputHash,
        overall: sheet.overall,
        sheet,
        findings,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const created = Array.isArray(result.raw) && result.raw.length > 0;
    return {
      scoreId: created
        ? id
        : (
            await repository.findOneByOrFail({
              responseId,
              responseRevision: revision,
              scoringVersion: SCORING_VERSION,
              inputHash,
            })
          ).id,
      created,
    };
  }
}

@JobProcessor('scoring.compare-case')
@Injectable()
export class CompareCaseJob implements JobHandler<'scoring.compare-case'> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
  ) {}

  async handle({ caseId }: ParsedJobPayload<'scoring.compare-case'>): Promise<{ comparisonId: string }> {
    const procurementCase = await this.cases.getCase(caseId).catch(() => {
      throw new InvalidJobPayloadError('scoring.compare-case', `case ${caseId} does not exist`);
    });
    const weights = procurementCase.criteriaWeights as CriteriaWeights;
    const submitted = (await this.responses.responsesOf(caseId)).filter((response) => response.status === 'submitted');
    const providers: ProviderResult[] = [];
    const scoreIds: string[] = [];
    for (const response of submitted) {
      const score = await this.dataSource.getRepository(ResponseScore).findOne({
        where: { responseId: response.id, responseRevision: response.revision, scoringVersion: SCORING_VERSION },
        order: { computedAt: 'DESC' },
      });
      // Scoring jobs run first in the flow; a missing score means one is still due, so retry later.
      if (!score) throw new Error(`response ${response.id} revision ${response.revision} is not scored yet`);
      scoreIds.push(score.id);
      const sheet = score.sheet as ScoreSheet;
      const findings = score.findings as StoredFindings;
      providers.push({
        providerId: response.id,
        name: response.organisationName,
        sheet,
        findings: findings.rules,
        missingEvidence: findings.missingEvidence.map((finding) => finding.questionName),
      });
    }
    const priceWeight = procurementCase.priceWeight;
    const submittedIds = new Set(submitted.map((response) => response.id));
    const prices =
      priceWeight === null
        ? []
        : (await this.dataSource.getRepository(ProviderPrice).findBy({ caseId })).filter((p) =>
            submittedIds.has(p.responseId),
          );
    const pricing = pricingInputs(priceWeight, prices);
    // Without a price criterion the hash is the one earlier comparisons were stored under.
    const inputHash = contentHash({
      scoreIds: [...scoreIds].sort(),
      weights,
      ...(pricing.weight === null ? {} : { pricing }),
    });
    const repository = this.dataSource.getRepository(CaseComparison);
    const existing = await repository.findOneBy({ caseId, inputHash });
    if (existing) return { comparisonId: existing.id };
    const id = randomUUID();
    const stored = asInvalidPayload('scoring.compare-case', (): StoredComparison => {
      const comparison = compareProviders(providers, weights);
      if (priceWeight === null) return { ...comparison, pricing };
      const offers = prices.map((p) => ({ providerId: p.responseId, amount: p.amount }));
      return { ...comparison, pricing, price: rankWithPrice(comparison, priceWeight, offers) };
    });
    await repository
      .createQueryBuilder()
      .insert()
      .values({ id, caseId, inputHash, comparison: stored })
      .orIgnore()
      .execute();
    return { comparisonId: (await repository.findOneByOrFail({ caseId, inputHash })).id };
  }
}

@JobProcessor('evaluation.start')
@Injectable()
export class StartEvaluationJob implements JobHandler<'evaluation.start'> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly jobs: JobQueue,
    private readonly evaluatorInvitations: EvaluatorInvitations,
    private readonly evidenceConfirmations: EvidenceConfirmationService,
  ) {}

  async handle({ caseId }: ParsedJobPayload<'evaluation.start'>): Promise<{ flowId: string }> {
    // The panel hears that its work can begin; a repeated start (a retry, a re-scoring round) asks nobody twice.
    await this.dataSource.transaction((manager) => this.evaluatorInvitations.queue(manager, caseId));
    const submitted = (await this.responses.responsesOf(caseId)).filter((response) => response.status === 'submitted');
    const revisions = submitted.map((response) => [response.id, response.revision]);
    // A consensus score changes what a response scores, so a new set of them is a new round of jobs.
    const consensus = (await this.dataSource.getRepository(ModeratedScore).findBy({ caseId }))
      .map((m) => `${m.responseId}/${m.questionName}=${m.consensusScore}`)
      .sort();
    // So does a new set of the panel's evidence verdicts.
    const verdicts = await this.evidenceConfirmations.roundKeyOf(caseId);
    const round = contentHash(
      verdicts.length ? { revisions, consensus, verdicts } : consensus.length ? { revisions, consensus } : revisions,
    ).slice(0, 16);
    const flowId = await this.jobs.enqueueFlow({
      parent: { name: 'scoring.compare-case', payload: { caseId }, jobId: `compare-${caseId}-${round}` },
      children: submitted.map((response) => ({
        name: 'scoring.score-response' as const,
        payload: { responseId: response.id, revision: response.revision },
        jobId: `score-${response.id}-r${response.revision}-for-${round}`,
      })),
    });
    return { flowId };
  }
}
