import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@probity/cases';
import { EVALUATION_ENTITIES } from './evaluation.entities';
import { EvaluationResultsService } from './evaluation-results.service';
import { PanelService } from './panel.service';
import { CompareCaseJob, ScoreResponseJob, StartEvaluationJob } from './scoring-jobs';

@Module({
  imports: [TypeOrmModule.forFeature(EVALUATION_ENTITIES), CasesModule],
  providers: [PanelService, EvaluationResultsService, ScoreResponseJob, CompareCaseJob, StartEvaluationJob],
  exports: [PanelService, EvaluationResultsService],
})
export class EvaluationModule {}
