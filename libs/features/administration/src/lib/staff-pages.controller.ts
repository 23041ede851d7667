import { Controller, Get, HttpException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import type { Response } from 'express';
import { CurrentStaff, STAFF_ROLES, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { StaffAdministration } from './staff-administration.service';
import { ChangeRoleDto, CreateStaffDto, ROLE_LABELS } from './staff.dto';
import { FormBody } from '@probity/web';

const NOTICES: Record<string, string> = {
  created: 'The account was created. A link to choose a password was e-mailed to the person.',
  'created-no-mail':
    'The account was created, but the e-mail could not be sent. Ask the person to use “Forgotten password” on the sign-in page.',
  role: 'The role was changed. It applies from the person’s next page.',
  deactivated: 'The account was deactivated. The person was signed out everywhere.',
  reactivated: 'The account was reactivated. The person can sign in again.',
};

function messagesOf(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [...Object.values(error.constraints ?? {}), ...messagesOf(error.children ?? [])]);
}

/** Agency administrators manage their colleagues' accounts here (post/redirect/get). */
@ApiExcludeController()
@RequiresAccess('agency.administer')
@Controller('admin/users')
export class StaffPagesController {
  constructor(private readonly staff: StaffAdministration) {}

  @Get()
  async list(
    @CurrentStaff() admin: StaffPrincipal,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    await this.render(admin, response, { flash: notice ? NOTICES[notice] : undefined });
  }

  @Post()
  async create(
    @CurrentStaff() admin: StaffPrincipal,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const dto = plainToInstance(CreateStaffDto, { name: form.name, email: form.email, role: form.role });
    const problems = messagesOf(await validate(dto));
    if (problems.length) return this.render(admin, response, { form, errors: problems, status: 422 });
    try {
      const { passwordEmailSent } = await this.staff.create(admin, dto);
      response.redirect(303, `/admin/users?notice=${passwordEmailSent ? 'created' : 'created-no-mail'}`);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      await this.render(admin, response, { form, errors: [error.message], status: error.getStatus() });
    }
  }

  @Post(':userId/role')
  async changeRole(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('userId') userId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const dto = plainToInstance(ChangeRoleDto, { role: form.role });
    const problems = messagesOf(await validate(dto));
    if (problems.length) return this.render(admin, response, { errors: problems, status: 422 });
    await this.act(admin, response, 'role', () => this.staff.changeRole(admin, userId, dto.role));
  }

  @Post(':userId/deactivate')
  async deactivate(@CurrentStaff() admin: StaffPrincipal, @Param('userId') userId: string, @Res() response: Response) {
    await this.act(admin, response, 'deactivated', () => this.staff.deactivate(admin, userId));
  }

  @Post(':userId/reactivate')
  async reactivate(@CurrentStaff() admin: StaffPrincipal, @Param('userId') userId: string, @Res() response: Response) {
    await this.act(admin, response, 'reactivated', () => this.staff.reactivate(admin, userId));
  }

  /** Runs a change; a refusal the person can act on (409) is shown on the page, 404 stays an error page. */
  private async act(admin: StaffPrincipal, response: Response, notice: string, change: () => Promise<unknown>) {
    try {
      await change();
      response.redirect(303, `/admin/users?notice=${notice}`);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() !== 409) throw error;
      await this.render(admin, response, { errors: [error.message], status: 409 });
    }
  }

  private async render(
    admin: StaffPrincipal,
    response: Response,
    options: { form?: Record<string, string>; errors?: string[]; status?: number; flash?: string },
  ) {
    const roles = (selected?: string) =>
      STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], selected: role === selected }));
    const accounts = await this.staff.list(admin);
    response.status(options.status ?? 200).render('admin/users', {
      title: 'Staff accounts',
      flash: options.flash,
      errors: options.errors,
      form: options.form ?? {},
      newUserRoles: roles(options.form?.role ?? 'evaluator'),
      accounts: accounts.map((account) => ({
        ...account,
        roleLabel: ROLE_LABELS[account.role],
        roles: roles(account.role),
        isSelf: account.id === admin.userId,
      })),
    });
  }
}
