import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVALUATION_ENTITIES } from './evaluation.entities';
import { PanelService } from './panel.service';

@Module({
  imports: [TypeOrmModule.forFeature(EVALUATION_ENTITIES)],
  providers: [PanelService],
  exports: [PanelService],
})
export class EvaluationModule {}
