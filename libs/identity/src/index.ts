export {
  CurrentStaff,
  STAFF_ROLES,
  StaffGuard,
  StaffOnly,
  StaffPrincipal,
  StaffRequest,
  StaffRole,
} from './lib/staff-principal';
