import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { roleMay } from '@probity/access';
import { SESSION_COOKIE } from '@probity/web';
import { IdentityService } from './identity.service';
import type { StaffRequest } from './staff-principal';

/** Resolves the session cookie to the signed-in staff member (`req.staff`) and offers it to page views. */
@Injectable()
export class StaffSessionMiddleware implements NestMiddleware {
  constructor(private readonly identity: IdentityService) {}

  async use(request: StaffRequest, response: Response, next: NextFunction): Promise<void> {
    const token = request.cookies?.[SESSION_COOKIE] as string | undefined;
    if (token) {
      const staff = await this.identity.principalOf(token);
      if (staff) {
        request.staff = staff;
        response.locals.user = { name: staff.name, role: staff.role };
        // originalUrl: a middleware mounted under a path sees `path` relative to its mount point.
        const path = (request.originalUrl ?? request.url).split('?')[0];
        const current = (href: string) => path === href || path.startsWith(`${href}/`);
        response.locals.navigation = [
          { href: '/cases', label: 'Cases' },
          // Legal reviewers sign dossiers off; an admin may sit on a panel as a legal reviewer too.
          ...(staff.role === 'legal_reviewer' || staff.role === 'admin'
            ? [{ href: '/reviews', label: 'Dossiers to review' }]
            : []),
          { href: '/question-bank', label: 'Question bank' },
          ...(staff.role === 'evaluator' || staff.role === 'admin'
            ? [{ href: '/evaluations', label: 'My evaluations' }]
            : []),
          ...(staff.role === 'admin'
            ? [
                { href: '/admin/agency', label: 'Agency settings' },
                { href: '/admin/users', label: 'Staff accounts' },
                { href: '/admin/questionnaires', label: 'Questionnaire templates' },
                { href: '/admin/jobs', label: 'Background jobs' },
              ]
            : []),
          // Officers set the agency's risk appetite too (the access policy's `risk.appetite`).
          ...(roleMay('risk.appetite', staff) ? [{ href: '/admin/risk-appetite', label: 'Risk appetite' }] : []),
        ].map((item) => ({ ...item, current: current(item.href) }));
      }
    }
    next();
  }
}
