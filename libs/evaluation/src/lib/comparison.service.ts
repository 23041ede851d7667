import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CasesService, ProcurementCase } from '@probity/cases';
import type { StaffPrincipal } from '@probity/identity';
import { contentHash } from '@probity/questionnaires';
import { JobOutbox } from '@probity/queue';
import { CORE_PRINCIPLES } from '@probity/rubric';
import { Comparison, CriteriaWeights, validateCriteriaWeights } from '@probity/scoring';
import { CaseComparison } from './evaluation.entities';
import { EvaluationResultsService } from './evaluation-results.service';
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
  stored: (CaseComparison & { comparison: Comparison }) | null;
}

export interface WeightsChange {
  weights: CriteriaWeights;
  changed: boolean;
  /** The comparison job recorded with the change; null when nothing is to re-run yet. */
  comparisonJobId: string | null;
}

/** Case statuses in which nothing may change any more. */
const FINISHED = new Set(['signed_off', 'awarded', 'cancelled']);

const lockOf = (found: ProcurementCase): WeightsLock | null =>
  found.weightsLockedAt ? { lockedAt: found.weightsLockedAt, lockedBy: found.weightsLockedBy } : null;

/** Weights in the Toolkit's order, so equal weights always hash alike. */
const ordered = (weights: CriteriaWeights): CriteriaWeights =>
  Object.fromEntries(CORE_PRINCIPLES.map((p) => [p.id, weights[p.id]])) as CriteriaWeights;

/**
 * The side-by-side comparison as staff see it, and the officer's award-criteria weights: changing
 * them re-runs the comparison from the stored score sheets, until they are locked.
 */
@Injectable()
export class ComparisonService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly results: EvaluationResultsService,
    private readonly outbox: JobOutbox,
  ) {}

  /** The case if it belongs to the staff member's agency; another agency's case is "not found". */
  async ownCase(staff: StaffPrincipal, caseId: string): Promise<ProcurementCase> {
    const found = await this.dataSource
      .getRepository(ProcurementCase)
      .findOneBy({ id: caseId, agencyId: staff.agencyId });
    if (!found) throw new NotFoundException('No such case.');
    return found;
  }

  weightsLock(found: ProcurementCase): WeightsLock | null {
    return lockOf(found);
  }

  async state(procurementCase: ProcurementCase): Promise<ComparisonState> {
    const submitted = (await this.cases.responsesOf(procurementCase.id)).filter((r) => r.status === 'submitted');
    const { scored } = await this.results.progress(procurementCase.id);
    const stored = await this.results.comparisonWithWeights(procurementCase.id, procurementCase.criteriaWeights);
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
   * Replaces the weights unless they are locked. In evaluation the comparison re-runs: its job is
   * recorded in the same transaction, with an id made of the case version and the weights' hash,
   * so a repeated request neither changes anything nor runs the comparison twice.
   */
  async changeWeights(staff: StaffPrincipal, caseId: string, weights: unknown): Promise<WeightsChange> {
    const problems = validateCriteriaWeights(weights);
    if (problems.length) throw new UnprocessableEntityException(problems);
    const next = ordered(weights as CriteriaWeights);
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(ProcurementCase, {
        where: { id: caseId, agencyId: staff.agencyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw new NotFoundException('No such case.');
      const lock = lockOf(found);
      if (lock)
        throw new ConflictException(
          `The weights were locked on ${lock.lockedAt.toISOString()}${lock.lockedBy ? '' : ' when the dossier went to review'} and can no longer change.`,
        );
      if (FINISHED.has(found.status))
        throw new ConflictException(`The case is ${found.status.replace('_', ' ')}; its weights can no longer change.`);
      const hash = contentHash(next);
      if (hash === contentHash(ordered(found.criteriaWeights as CriteriaWeights)))
        return { weights: next, changed: false, comparisonJobId: null };
      await manager.save(ProcurementCase, { ...found, criteriaWeights: next });
      const comparisonJobId =
        found.status === 'evaluation'
          ? await this.outbox.add(
              manager,
              'scoring.compare-case',
              { caseId },
              { jobId: `compare-${caseId}-v${found.version + 1}-w${hash.slice(0, 16)}` },
            )
          : null;
      return { weights: next, changed: true, comparisonJobId };
    });
  }

  /** Locks the weights for good; locking again answers with the existing lock. */
  async lockWeights(staff: StaffPrincipal, caseId: string): Promise<WeightsLock & { alreadyLocked: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(ProcurementCase, {
        where: { id: caseId, agencyId: staff.agencyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw new NotFoundException('No such case.');
      const existing = lockOf(found);
      if (existing) return { ...existing, alreadyLocked: true };
      const lockedAt = new Date();
      await manager.update(
        ProcurementCase,
        { id: caseId },
        { weightsLockedAt: lockedAt, weightsLockedBy: staff.userId },
      );
      return { lockedAt, lockedBy: staff.userId, alreadyLocked: false };
    });
  }
}
