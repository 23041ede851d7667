import 'reflect-metadata';
import { isAgencyPermission } from '@probity/access';
import { AppModule } from '../app.module';
import { describeRoute, httpRoutes, routeRequirement as requirementOf } from './http-routes';

/**
 * Routes that answer without the staff access policy, each with what authorises it instead. Keep it
 * small: every other route must declare its permission with `@RequiresAccess`.
 */
const PUBLIC_CONTROLLERS: Record<string, string> = {
  PortalController: 'the invite token in the link authorises the provider',
  QuestionBankController: 'the built-in questionnaires are public',
  DossierVerificationController: 'anyone may verify a dossier PDF; signing keys and the seal CA certificate are public',
  AuthController: 'signing in and out, the session and its CSRF token',
  PasswordResetController: 'the e-mailed one-time token authorises the reset',
  HealthController: 'liveness and readiness probes',
  HomeController: 'the start page',
};

const routes = httpRoutes(AppModule.forRoot({ mode: 'zero-setup' } as never));

describe('every api route goes through the access policy', () => {
  it('finds the routing table', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.map(describeRoute)).toContain('GET /api/v1/responses/:responseId (CasesController.response)');
  });

  it('lists no route lacking @RequiresAccess outside the public allow-list', () => {
    const uncovered = routes
      .filter((route) => !(route.controller.name in PUBLIC_CONTROLLERS) && !requirementOf(route))
      .map(describeRoute);
    expect(uncovered).toEqual([]);
  });

  it('checks case permissions on the ids the route names', () => {
    const misdeclared = routes
      .filter((route) => {
        const requirement = requirementOf(route);
        if (!requirement || isAgencyPermission(requirement.permission) || requirement.ids === 'handler') return false;
        const names = typeof requirement.ids === 'object' ? requirement.ids.param : 'caseId|responseId';
        return !new RegExp(`:(${names})\\b`).test(route.path);
      })
      .map(describeRoute);
    expect(misdeclared).toEqual([]);
  });

  it('keeps public controllers free of staff permissions (an allow-listed controller is public as a whole)', () => {
    const mixed = routes
      .filter((route) => route.controller.name in PUBLIC_CONTROLLERS && requirementOf(route))
      .map(describeRoute);
    expect(mixed).toEqual([]);
  });
});
