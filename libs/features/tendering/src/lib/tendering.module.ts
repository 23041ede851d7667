import { Module } from '@nestjs/common';
import { CasesModule } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { DossierModule } from '@probity/dossier';
import { EvaluationModule } from '@probity/evaluation';
import { IdentityModule } from '@probity/identity';
import { MonitoringModule } from '@probity/monitoring';
import { NotificationsModule } from '@probity/notifications';
import { CaseManagementService } from './case-management.service';
import { CasePageView } from './case-page-view.service';
import { CasePagesController } from './case-pages.controller';
import { CasesController } from './cases.controller';
import { InvitationsService } from './invitations.service';
import { PasswordResetController } from './password-reset.controller';

/** The agency side of a tender: cases, panels, invites and clarifications, as API and pages. */
@Module({
  imports: [CasesModule, DossierModule, EvaluationModule, IdentityModule, MonitoringModule, NotificationsModule],
  controllers: [CasesController, CasePagesController, PasswordResetController],
  providers: [InvitationsService, CaseManagementService, CasePageView, UnitOfWork],
  exports: [InvitationsService],
})
export class TenderingModule {}
