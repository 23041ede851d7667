import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { API_PREFIX } from '@probity/web';
import { StaffAdministration } from './staff-administration.service';
import { ChangeRoleDto, CreateStaffDto } from './staff.dto';

/** Staff accounts of the administrator's agency as JSON; the same operations as /admin/users. */
@ApiTags('staff administration')
@RequiresAccess('agency.administer')
@Controller(`${API_PREFIX}/staff`)
export class StaffApiController {
  constructor(private readonly staff: StaffAdministration) {}

  @Get()
  async list(@CurrentStaff() admin: StaffPrincipal) {
    return { items: await this.staff.list(admin) };
  }

  @Get(':userId')
  async get(@CurrentStaff() admin: StaffPrincipal, @Param('userId') userId: string) {
    return this.staff.get(admin, userId);
  }

  /** Creates the account; the person receives an e-mail with a one-time link to choose a password. */
  @Post()
  async create(@CurrentStaff() admin: StaffPrincipal, @Body() body: CreateStaffDto) {
    const { account, passwordEmailSent } = await this.staff.create(admin, body);
    return { ...account, passwordEmailSent };
  }

  @Patch(':userId')
  async changeRole(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('userId') userId: string,
    @Body() body: ChangeRoleDto,
  ) {
    return this.staff.changeRole(admin, userId, body.role);
  }

  @Post(':userId/deactivate')
  @HttpCode(200)
  async deactivate(@CurrentStaff() admin: StaffPrincipal, @Param('userId') userId: string) {
    return this.staff.deactivate(admin, userId);
  }

  @Post(':userId/reactivate')
  @HttpCode(200)
  async reactivate(@CurrentStaff() admin: StaffPrincipal, @Param('userId') userId: string) {
    return this.staff.reactivate(admin, userId);
  }
}
