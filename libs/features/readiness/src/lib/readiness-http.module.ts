import { Module } from '@nestjs/common';
import { EvaluationModule } from '@probity/evaluation';
import { IdentityModule } from '@probity/identity';
import { FriaPagesController } from './fria-pages.controller';
import { FriaController } from './fria.controller';
import { ReadinessModule } from './readiness.module';
import { ReadinessPagesController } from './readiness-pages.controller';
import { ReadinessController } from './readiness.controller';

/** The agency's deployer pages and API (FRIA, readiness checklist, ready for use); the api process imports it, the worker does not. */
@Module({
  imports: [ReadinessModule, EvaluationModule, IdentityModule],
  controllers: [FriaController, FriaPagesController, ReadinessController, ReadinessPagesController],
})
export class ReadinessHttpModule {}
