import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  Type,
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

/**
 * Finds the case a route's other id belongs to (a dossier version's case, say), within the staff
 * member's agency: anything else is a 404 named after the thing, thrown by the resolver.
 */
export interface CaseIdResolver {
  caseIdOf(staff: StaffPrincipal, id: string): Promise<string>;
}

/** A route parameter that is not a case or response, and the provider that resolves it to its case. */
export interface ResolvedIds {
  param: string;
  by: Type<CaseIdResolver>;
}

/** What a route declares: the permission, and where the case it is checked on comes from. */
export interface AccessRequirement {
  permission: Permission | AgencyPermission;
  /**
   * `route`: the route's `:caseId`/`:responseId`. A `ResolvedIds`: another parameter, resolved to its
   * case before the decision. `handler`: the service resolves the id and decides (the guard checks the
   * role part at once); kept for ids whose owner offers no resolver yet.
   */
  ids: 'route' | 'handler' | ResolvedIds;
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
    const access = this.moduleRef.get<CaseAccessCheck>(CASE_ACCESS, { strict: false });
    if (typeof requirement.ids === 'object') {
      const resolver = this.moduleRef.get(requirement.ids.by, { strict: false });
      const caseId = await resolver.caseIdOf(request.staff, params[requirement.ids.param] ?? '');
      request.accessGranted = await access.requireAccess(request.staff, permission, { caseId });
      return true;
    }
    const ids: CaseAccessIds = { caseId: params.caseId, responseId: params.responseId };
    if (!ids.caseId && !ids.responseId)
      throw new Error(`@RequiresAccess('${permission}') needs a :caseId or :responseId route parameter.`);
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
  options: { ids?: AccessRequirement['ids'] } = {},
) =>
  applyDecorators(
    SetMetadata(ACCESS_REQUIREMENT_KEY, { permission, ids: options.ids ?? 'route' } satisfies AccessRequirement),
    UseGuards(StaffGuard, AccessGuard),
  );

/** What the policy loaded for the route (the case, and the response when one is named). */
export const AccessGranted = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AccessRequest>().accessGranted,
);
