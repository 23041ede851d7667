import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@probity/audit';
import { IdentityModule } from '@probity/identity';
import { CASE_ENTITIES } from './case.entities';
import { CaseRepository } from './case.repository';
import { ClarificationRepository } from './clarification.repository';
import { InviteLinkRepository } from './invite-link.repository';
import { ResponseRepository } from './response.repository';
import { UnitOfWork } from '@probity/database';
import { CasesService } from './cases.service';
import { EvidenceService } from './evidence.service';
import { ProviderInvitesService } from './provider-invites.service';
import { ResponsesService } from './responses.service';
import { ClarificationsService } from './clarifications.service';
import { QuestionnaireTemplateRepository } from './questionnaire-template.repository';
import { QuestionnaireTemplates } from './questionnaire-templates.service';
import { MethodAmendmentRepository } from './method-amendment.repository';
import { MethodAmendmentsService } from './method-amendments.service';

/** What the library offers the others: its services (its repositories stay inside). */
const SERVICES = [
  CasesService,
  ResponsesService,
  ProviderInvitesService,
  EvidenceService,
  ClarificationsService,
  QuestionnaireTemplates,
  MethodAmendmentsService,
];

@Module({
  imports: [TypeOrmModule.forFeature(CASE_ENTITIES), IdentityModule, AuditModule],
  providers: [
    UnitOfWork,
    CaseRepository,
    ResponseRepository,
    InviteLinkRepository,
    ClarificationRepository,
    QuestionnaireTemplateRepository,
    MethodAmendmentRepository,
    ...SERVICES,
  ],
  exports: SERVICES,
})
export class CasesModule {}
