import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessRole, STAFF_ROLES } from '@probity/access';

export { STAFF_ROLES };
export type StaffRole = AccessRole;

/** The signed-in staff member. Every query a staff route makes is scoped to `agencyId`. */
export interface StaffPrincipal {
  userId: string;
  agencyId: string;
  role: StaffRole;
  email: string;
  name: string;
  sessionId: string;
}

/** Request as seen after the session middleware ran: `staff` is set only for a valid session. */
export interface StaffRequest extends Request {
  staff?: StaffPrincipal;
}

const ROLES_KEY = 'probity:staff-roles';

/** Refuses requests without a valid staff session (401) or, when roles are listed, with another role (403). */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<StaffRequest>();
    if (!request.staff) throw new UnauthorizedException('Sign in to continue.');
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles?.length && !roles.includes(request.staff.role))
      throw new ForbiddenException(`This needs one of these roles: ${roles.join(', ')}.`);
    return true;
  }
}

/** Marks a controller or route as staff-only, optionally limited to some roles. */
export const StaffOnly = (...roles: StaffRole[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(StaffGuard));

/** The signed-in staff member; use only behind `@StaffOnly()`. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffPrincipal => {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new UnauthorizedException('Sign in to continue.');
  return staff;
});
