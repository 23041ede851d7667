import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { API_PREFIX } from '@probity/web';
import { AgencySettingsDto } from './agency-settings.dto';
import { AgencySettingsService } from './agency-settings.service';

/** The administrator's own agency settings as JSON; the same as /admin/agency. */
@ApiTags('agency administration')
@RequiresAccess('agency.administer')
@Controller(`${API_PREFIX}/agency/settings`)
export class AgencySettingsApiController {
  constructor(private readonly agency: AgencySettingsService) {}

  @Get()
  settings(@CurrentStaff() admin: StaffPrincipal) {
    return this.agency.settings(admin);
  }

  /** 400 for a language other than en, fr, es or ar. */
  @Put()
  change(@CurrentStaff() admin: StaffPrincipal, @Body() body: AgencySettingsDto) {
    return this.agency.setDossierLanguage(admin, body.dossierLanguage);
  }
}
