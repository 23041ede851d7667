export { TenderingModule } from './lib/tendering.module';
export { InvitationsService } from './lib/invitations.service';
export { providerProgress, ProviderProgressRow, ProgressStage } from './lib/provider-progress';
export { staffActor } from './lib/cases.controller';
