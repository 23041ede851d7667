import { Module } from '@nestjs/common';
import { AuditModule } from '@probity/audit';
import { CasesModule } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { DossierModule } from '@probity/dossier';
import { IdentityModule } from '@probity/identity';
import { NotificationsModule } from '@probity/notifications';
import { QuestionBankModule } from '@probity/question-bank';
import { AgencySettingsApiController } from './agency-settings-api.controller';
import { AgencySettingsPagesController } from './agency-settings-pages.controller';
import { AgencySettingsService } from './agency-settings.service';
import { BackgroundJobs } from './jobs/background-jobs.service';
import { JobsApiController } from './jobs/jobs-api.controller';
import { JobsPagesController } from './jobs/jobs-pages.controller';
import { StaffAdministration } from './staff-administration.service';
import { StaffApiController } from './staff-api.controller';
import { StaffPagesController } from './staff-pages.controller';
import { TemplateApiController } from './template-api.controller';
import { TemplatePagesController } from './template-pages.controller';

/**
 * Agency administration: the agency's settings (dossier language), staff accounts and roles, the agency's own questionnaire templates, and its
 * background jobs (pages under /admin, JSON under /api/v1/agency/settings, /api/v1/staff, /api/v1/questionnaire-templates and
 * /api/v1/agency/jobs).
 */
@Module({
  imports: [AuditModule, CasesModule, DossierModule, IdentityModule, NotificationsModule, QuestionBankModule],
  controllers: [
    AgencySettingsApiController,
    AgencySettingsPagesController,
    StaffApiController,
    StaffPagesController,
    TemplateApiController,
    TemplatePagesController,
    JobsApiController,
    JobsPagesController,
  ],
  providers: [AgencySettingsService, StaffAdministration, BackgroundJobs, UnitOfWork],
})
export class AdministrationModule {}
