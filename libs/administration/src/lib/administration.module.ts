import { Module } from '@nestjs/common';
import { AuditModule } from '@probity/audit';
import { IdentityModule } from '@probity/identity';
import { NotificationsModule } from '@probity/notifications';
import { StaffAdministration } from './staff-administration.service';
import { StaffApiController } from './staff-api.controller';
import { StaffPagesController } from './staff-pages.controller';

/** Agency administration: staff accounts and roles (pages under /admin, JSON under /api/v1/staff). */
@Module({
  imports: [AuditModule, IdentityModule, NotificationsModule],
  controllers: [StaffApiController, StaffPagesController],
  providers: [StaffAdministration],
})
export class AdministrationModule {}
