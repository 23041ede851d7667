import { Module } from '@nestjs/common';
import { CasesModule } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { NotificationsModule } from '@probity/notifications';
import { PortalController } from './portal.controller';
import { PortalLanguages } from './portal-language';
import { PortalService } from './portal.service';

@Module({
  imports: [CasesModule, NotificationsModule],
  controllers: [PortalController],
  providers: [PortalService, PortalLanguages, UnitOfWork],
})
export class PortalModule {}
