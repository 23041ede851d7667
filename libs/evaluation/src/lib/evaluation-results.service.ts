import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CasesService } from '@probity/cases';
import type { Comparison } from '@probity/scoring';
import { SCORING_VERSION } from '@probity/scoring';
import { CaseComparison, ResponseScore } from './evaluation.entities';

export interface ScoringProgress {
  submitted: number;
  scored: number;
}

/** Reads of stored scores and comparisons; nothing here recomputes a score. */
@Injectable()
export class EvaluationResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  async progress(caseId: string): Promise<ScoringProgress> {
    const submitted = (await this.cases.responsesOf(caseId)).filter((response) => response.status === 'submitted');
    let scored = 0;
    for (const response of submitted) {
      if (
        await this.dataSource
          .getRepository(ResponseScore)
          .existsBy({ responseId: response.id, responseRevision: response.revision, scoringVersion: SCORING_VERSION })
      )
        scored++;
    }
    return { submitted: submitted.length, scored };
  }

  async latestScore(responseId: string): Promise<ResponseScore | null> {
    return this.dataSource
      .getRepository(ResponseScore)
      .findOne({ where: { responseId }, order: { computedAt: 'DESC' } });
  }

  async latestComparison(caseId: string): Promise<(CaseComparison & { comparison: Comparison }) | null> {
    const found = await this.dataSource
      .getRepository(CaseComparison)
      .findOne({ where: { caseId }, order: { computedAt: 'DESC' } });
    return found as (CaseComparison & { comparison: Comparison }) | null;
  }
}
