import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
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
        response.locals.navigation = [
          { href: '/cases', label: 'Cases' },
          { href: '/question-bank', label: 'Question bank' },
          ...(staff.role === 'admin'
            ? [
                { href: '/admin/users', label: 'Staff accounts' },
                { href: '/admin/questionnaires', label: 'Questionnaire templates' },
              ]
            : []),
        ];
      }
    }
    next();
  }
}
