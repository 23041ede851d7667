import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { AuditTrail, staffAuditActor } from '@probity/audit';
import { AmendmentRequest, CasesService, ProcurementCase, ResponsesService } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import type { StaffPrincipal } from '@probity/identity';
import { contentHash } from '@probity/questionnaires';
import { JobOutbox } from '@probity/queue';
import { CORE_PRINCIPLES } from '@probity/rubric';
import { CriteriaWeights, validateCriteriaWeights, validatePriceWeight } from '@probity/scoring';
import { EvaluationResultsService } from './evaluation-results.service';
import { MethodAmendmentPublisher } from './method-amendments';
import { PriceRepository } from './price.repository';
import { StoredCaseComparison } from './scoring-results.repository';
import { scoringProgress, ScoringProgressView } from './scoring-progress';

export interface WeightsLock {
  lockedAt: Date;
  /** Null when the move to dossier review locked the weights. */
  lockedBy: string | null;
}

export interface ComparisonState {
  procurementCase: ProcurementCase;
  progress: ScoringProgressView;
  /** The newest comparison made with the case's current weights, or null. */
  stored: StoredCaseComparison | null;
}

export interface WeightsChange {
  weights: CriteriaWeights;
  priceWeight: number | null;
  changed: boolean;
  /** The comparison job recorded with the change; null when nothing is to re-run yet. */
  comparisonJobId: string | null;
  /** Set when the change was published to the providers as an amendment of the tender. */
  amendment?: { number: number; methodHash: string; responsesDue: Date };
}

export interface PriceRow {
  responseId: string;
  organisationName: string;
  /** In the case's currency; null until recorded. */
  amount: number | null;
  recordedAt: Date | null;
}

/** Case statuses in which nothing may change any more. */
const FINISHED = new Set(['signed_off', 'awarded', 'in_use', 'cancelled']);

const lockOf = (found: ProcurementCase): WeightsLock | null =>
  found.weightsLockedAt ? { lockedAt: found.weightsLockedAt, lockedBy: found.weightsLockedBy } : null;

/** Weights in the Toolkit's order, so equal weights always hash alike. */
const ordered = (weights: CriteriaWeights): CriteriaWeights =>
  Object.fromEntries(CORE_PRINCIPLES.map((p) => [p.id, weights[p.id]])) as CriteriaWeights;

/** Without a price criterion this is the hash of the weights alone. */
const weightsHash = (weights: CriteriaWeights, priceWeight: number | null) =>
  contentHash(priceWeight === null ? weights : { weights, priceWeight });

/**
 * The side-by-side comparison as staff see it, and the officer's award-criteria weights: changing
 * them re-runs the comparison from the stored score sheets, until they are locked.
 */
@Injectable()
export class ComparisonService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly priceRepository: PriceRepository,
    private readonly results: EvaluationResultsService,
    private readonly outbox: JobOutbox,
    private readonly audit: AuditTrail,
    private readonly amendments: MethodAmendmentPublisher,
  ) {}

  weightsLock(found: ProcurementCase): WeightsLock | null {
    return lockOf(found);
  }

  /** Whether changeWeights would take new weights now (not locked, case not finished). */
  weightsEditable(found: ProcurementCase): boolean {
    return !lockOf(found) && !FINISHED.has(found.status) && this.amendments.changeable(found);
  }

  async state(procurementCase: ProcurementCase): Promise<ComparisonState> {
    const submitted = (await this.responses.responsesOf(procurementCase.id)).filter((r) => r.status === 'submitted');
    const { scored } = await this.results.progress(procurementCase.id);
    const stored = await this.results.currentComparison(procurementCase);
    const compared = stored
      ? [...stored.comparison.ranked, ...stored.comparison.unscored, ...stored.comparison.disqualified].map(
          (p) => p.providerId,
        )
      : null;
    return {
      procurementCase,
      stored,
      progress: scoringProgress({
        caseStatus: procurementCase.status,
        submittedResponseIds: submitted.map((r) => r.id),
        scored,
        comparedProviderIds: compared,
      }),
    };
  }

  /**
   * Replaces the weights (and the price weight, when given) unless they are locked. In evaluation the
   * comparison re-runs: its job is recorded in the same transaction, with an id made of the case
   * version and the weights' hash, so a repeated request neither changes anything nor runs twice.
   * Once the tender is published the method changes only by an amendment published to every
   * provider before the response deadline (`amendment`); after the deadline it answers 409.
   */
  async changeWeights(
    staff: StaffPrincipal,
    caseId: string,
    weights: unknown,
    priceWeight?: number | null,
    amendment: AmendmentRequest = {},
  ): Promise<WeightsChange> {
    const problems = [
      ...validateCriteriaWeights(weights),
      ...(priceWeight === undefined ? [] : validatePriceWeight(priceWeight)),
    ];
    if (problems.length) throw new UnprocessableEntityException(problems);
    const next = ordered(weights as CriteriaWeights);
    return this.unitOfWork.run(async () => {
      const found = await this.cases.lockOfAgency(staff.agencyId, caseId);
      const lock = lockOf(found);
      if (lock)
        throw new ConflictException(
          `The weights were locked on ${lock.lockedAt.toISOString()}${lock.lockedBy ? '' : ' when the dossier went to review'} and can no longer change.`,
        );
      if (FINISHED.has(found.status))
        throw new ConflictException(`The case is ${found.status.replace('_', ' ')}; its weights can no longer change.`);
      const nextPriceWeight = priceWeight === undefined ? found.priceWeight : priceWeight;
      const hash = weightsHash(next, nextPriceWeight);
      if (hash === weightsHash(ordered(found.criteriaWeights as CriteriaWeights), found.priceWeight))
        return { weights: next, priceWeight: nextPriceWeight, changed: false, comparisonJobId: null };
      // Unchanged weights are no change, so they answer as before; a real change obeys the freeze.
      const kind = this.amendments.kindOfChange(found);
      if (kind === 'amendment') this.amendments.checkRequest(found, amendment);
      await this.cases.saveAwardCriteria(found, { criteriaWeights: next, priceWeight: nextPriceWeight });
      await this.audit.recordChange(staffAuditActor(staff), {
        agencyId: staff.agencyId,
        action: 'case.weights-changed',
        subject: { type: 'case', id: found.id },
        before: { weights: found.criteriaWeights, priceWeight: found.priceWeight },
        after: { weights: next, priceWeight: nextPriceWeight },
      });
      const published =
        kind === 'amendment'
          ? await this.amendments.publish(
              staff,
              found,
              {
                weights: { before: found.criteriaWeights, after: next },
                priceWeight: { before: found.priceWeight, after: nextPriceWeight },
              },
              amendment,
            )
          : null;
      const comparisonJobId = await this.rerun(found, `v${found.version + 1}-w${hash.slice(0, 16)}`);
      return {
        weights: next,
        priceWeight: nextPriceWeight,
        changed: true,
        comparisonJobId,
        ...(published
          ? {
              amendment: {
                number: published.number,
                methodHash: published.methodHash,
                responsesDue: published.newResponsesDue ?? found.responsesDue,
              },
            }
          : {}),
      };
    });
  }

  /** Every submitted response of the case with its recorded price, if any. */
  async prices(found: ProcurementCase): Promise<PriceRow[]> {
    const submitted = (await this.responses.responsesOf(found.id)).filter((r) => r.status === 'submitted');
    const recorded = new Map((await this.priceRepository.pricesOfCase(found.id)).map((p) => [p.responseId, p]));
    return submitted.map((response) => ({
      responseId: response.id,
      organisationName: response.organisationName,
      amount: recorded.get(response.id)?.amount ?? null,
      recordedAt: recorded.get(response.id)?.recordedAt ?? null,
    }));
  }

  /**
   * Records a provider's price offer once responses have closed and before the dossier goes to
   * review. In evaluation the comparison re-runs; the job id carries the prices' hash, so recording
   * the same price again runs nothing new.
   */
  async recordPrice(
    staff: StaffPrincipal,
    caseId: string,
    responseId: string,
    amount: number,
  ): Promise<PriceRow & { comparisonJobId: string | null }> {
    return this.unitOfWork.run(async () => {
      const found = await this.cases.lockOfAgency(staff.agencyId, caseId);
      const response = await this.responses.getResponse(responseId);
      if (response.caseId !== caseId) throw new NotFoundException('No such response in this case.');
      if (found.priceWeight === null)
        throw new ConflictException('This case has no price criterion; set a price weight first.');
      if (!['closed', 'evaluation'].includes(found.status))
        throw new ConflictException(
          'Prices are recorded after the case closes for responses and before the dossier goes to review.',
        );
      if (response.status !== 'submitted')
        throw new ConflictException('Only a submitted response can have a price recorded.');
      const recordedAt = new Date();
      await this.priceRepository.upsert({ responseId, caseId, amount, recordedBy: staff.userId, recordedAt });
      await this.audit.recordChange(staffAuditActor(staff), {
        agencyId: staff.agencyId,
        action: 'response.price-recorded',
        subject: { type: 'response', id: responseId },
        before: null,
        after: { amount },
      });
      const pricing = await this.results.pricingOf(found);
      const hash = weightsHash(ordered(found.criteriaWeights as CriteriaWeights), found.priceWeight);
      const comparisonJobId = await this.rerun(found, `w${hash.slice(0, 16)}-p${(pricing.prices ?? '').slice(0, 16)}`);
      return { responseId, organisationName: response.organisationName, amount, recordedAt, comparisonJobId };
    });
  }

  /** Records the comparison job in the caller's transaction; before evaluation there is nothing to re-run. */
  private async rerun(found: ProcurementCase, key: string): Promise<string | null> {
    if (found.status !== 'evaluation') return null;
    return this.outbox.add(
      this.unitOfWork.transaction,
      'scoring.compare-case',
      { caseId: found.id },
      { jobId: `compare-${found.id}-${key}` },
    );
  }

  /** Locks the weights for good; locking again answers with the existing lock. */
  async lockWeights(staff: StaffPrincipal, caseId: string): Promise<WeightsLock & { alreadyLocked: boolean }> {
    return this.unitOfWork.run(async () => {
      const found = await this.cases.lockOfAgency(staff.agencyId, caseId);
      const existing = lockOf(found);
      if (existing) return { ...existing, alreadyLocked: true };
      const lockedAt = new Date();
      await this.cases.saveAwardCriteria(found, { weightsLockedAt: lockedAt, weightsLockedBy: staff.userId });
      await this.audit.recordChange(staffAuditActor(staff), {
        agencyId: staff.agencyId,
        action: 'case.weights-locked',
        subject: { type: 'case', id: caseId },
        before: null,
        after: {
          weights: found.criteriaWeights,
          lockedAt,
        },
      });
      return { lockedAt, lockedBy: staff.userId, alreadyLocked: false };
    });
  }
}
