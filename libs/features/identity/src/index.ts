export {
  CurrentStaff,
  STAFF_ROLES,
  StaffGuard,
  StaffOnly,
  StaffPrincipal,
  StaffRequest,
  StaffRole,
} from './lib/staff-principal';
export {
  ACCESS_REQUIREMENT_KEY,
  AccessGranted,
  AccessGuard,
  AccessRequirement,
  CASE_ACCESS,
  CaseAccessCheck,
  CaseAccessIds,
  CaseIdResolver,
  ResolvedIds,
  RequiresAccess,
} from './lib/requires-access';
export { Clock } from './lib/clock';
export { Agency, IDENTITY_ENTITIES, PasswordReset, StaffSession, StaffUser } from './lib/identity.entities';
export {
  ACCOUNT_SETUP_LIFETIME_MS,
  AccountLockedException,
  IdentityService,
  MIN_PASSWORD_LENGTH,
  NewStaffUser,
  normaliseEmail,
  PASSWORD_RESET_LIFETIME_MS,
  SESSION_LIFETIME_MS,
} from './lib/identity.service';
export { IdentityRepository } from './lib/identity.repository';
export { IdentityModule } from './lib/identity.module';
export { looksLikeToken, newToken, tokenHash } from './lib/tokens';
