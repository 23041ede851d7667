export { AdministrationModule } from './lib/administration.module';
export { StaffAccount, StaffAdministration } from './lib/staff-administration.service';
