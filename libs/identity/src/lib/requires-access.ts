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
import { ModuleRef, Reflector } from '@nestjs/core';
import {
  AccessDecision,
  AgencyPermission,
  decideAgencyAccess,
  decideRoleAccess,
  isAgencyPermission,
  Permission,
} from '@probity/access';
import { StaffGuard, StaffPrincipal, StaffRequest } from './staff-principal';

/** The ids a case permission is checked on, taken from the route's `:caseId` and `:responseId`. */
export interface CaseAccessIds {
  caseId?: string;
  responseId?: string;
}

/**
 * The case-level side of the policy, provided by the feature that loads cases, panels and
 * declarations (evaluation's `CaseAccess`). A token here, so identity need not depend on it.
 */
export const CASE_ACCESS = Symbol('probity:case-access');
export interface CaseAccessCheck {
  requireAccess(staff: StaffPrincipal, permission: Permission, ids: CaseAccessIds): Promise<unknown>;
}

/** What a route declares: the permission, and where the case it is checked on comes from. */
export interface AccessRequirement {
  permission: Permission | AgencyPermission;
  /**
   * `route`: the route's `:caseId`/`:responseId`. `handler`: the route names something else (a dossier,
   * a clarification) that its service resolves to a case and checks with the same permission.
   */
  ids: 'route' | 'handler';
}

export const ACCESS_REQUIREMENT_KEY = 'probity:access-requirement';

type AccessRequest = StaffRequest & { accessGranted?: unknown };

/** Runs the access policy for the route's declared permission before the handler. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AccessRequest>();
    if (!request.staff) throw new UnauthorizedException('Sign in to continue.');
    // A route's own declaration overrides its controller's.
    const requirement = this.reflector.getAllAndOverride<AccessRequirement | undefined>(ACCESS_REQUIREMENT_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!requirement) throw new Error('AccessGuard on a route without @RequiresAccess.');
    const { permission } = requirement;
    const refuse = (decision: AccessDecision) => {
      if (!decision.allowed) throw new ForbiddenException({ message: decision.message, reason: decision.reason });
    };
    if (isAgencyPermission(permission)) {
      refuse(decideAgencyAccess(permission, request.staff));
      return true;
    }
    if (requirement.ids === 'handler') {
      // The handler resolves its id to a case and runs the whole decision; the role part cannot wait.
      refuse(decideRoleAccess(permission, request.staff));
      return true;
    }
    const params = request.params as Record<string, string | undefined>;
    const ids: CaseAccessIds = { caseId: params.caseId, responseId: params.responseId };
    if (!ids.caseId && !ids.responseId)
      throw new Error(`@RequiresAccess('${permission}') needs a :caseId or :responseId route parameter.`);
    const access = this.moduleRef.get<CaseAccessCheck>(CASE_ACCESS, { strict: false });
    request.accessGranted = await access.requireAccess(request.staff, permission, ids);
    return true;
  }
}

/**
 * The route's access decision, made by the policy (@probity/access) before the handler runs: 401
 * without a session, 404 for another agency's ids, 403 for role, panel seat, conflict or phase.
 * Every staff route declares one, itself or on its controller; a unit test lists the routes that do not.
 */
export const RequiresAccess = (
  permission: Permission | AgencyPermission,
  options: { ids?: 'route' | 'handler' } = {},
) =>
  applyDecorators(
    SetMetadata(ACCESS_REQUIREMENT_KEY, { permission, ids: options.ids ?? 'route' } satisfies AccessRequirement),
    UseGuards(StaffGuard, AccessGuard),
  );

/** What the policy loaded for the route (the case, and the response when one is named). */
export const AccessGranted = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AccessRequest>().accessGranted,
);
