import { Module } from '@nestjs/common';
import { AuditModule } from '@probity/audit';
import { CasesModule } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { IdentityModule } from '@probity/identity';
import { NotificationsModule } from '@probity/notifications';
import { QuestionBankModule } from '@probity/question-bank';
import { StaffAdministration } from './staff-administration.service';
import { StaffApiController } from './staff-api.controller';
import { StaffPagesController } from './staff-pages.controller';
import { TemplateApiController } from './template-api.controller';
import { TemplatePagesController } from './template-pages.controller';

/**
 * Agency administration: staff accounts and roles, and the agency's own questionnaire templates
 * (pages under /admin, JSON under /api/v1/staff and /api/v1/questionnaire-templates).
 */
@Module({
  imports: [AuditModule, CasesModule, IdentityModule, NotificationsModule, QuestionBankModule],
  controllers: [StaffApiController, StaffPagesController, TemplateApiController, TemplatePagesController],
  providers: [StaffAdministration, UnitOfWork],
})
export class AdministrationModule {}
