import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DOSSIER_LANGUAGES } from '@probity/dossier';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { checkedForm, FormBody } from '@probity/web';
import { AgencySettingsDto, DOSSIER_LANGUAGE_NAMES } from './agency-settings.dto';
import { AgencySettingsService } from './agency-settings.service';

/** The agency's settings page for its administrator (post/redirect/get). */
@ApiExcludeController()
@RequiresAccess('agency.administer')
@Controller('admin/agency')
export class AgencySettingsPagesController {
  constructor(private readonly agency: AgencySettingsService) {}

  /** Dossiers rendered from now on use the chosen language; anything else is shown back with the reason (422). */
  @Post()
  async change(
    @FormBody('fields') form: Record<string, string>,
    @CurrentStaff() admin: StaffPrincipal,
    @Res() response: Response,
  ) {
    const { value, problems } = await checkedForm(AgencySettingsDto, { dossierLanguage: form.dossierLanguage });
    if (problems.length) return this.render(admin, response, { errors: problems }, 422);
    await this.agency.setDossierLanguage(admin, value.dossierLanguage);
    response.redirect(303, '/admin/agency?notice=saved');
  }

  /** The current language, and a notice after a change (post/redirect/get). */
  @Get()
  async page(@CurrentStaff() admin: StaffPrincipal, @Res() response: Response, @Query('notice') notice?: string) {
    await this.render(admin, response, { saved: notice === 'saved' });
  }

  private async render(
    admin: StaffPrincipal,
    response: Response,
    extra: { saved?: boolean; errors?: string[] },
    status = 200,
  ) {
    const settings = await this.agency.settings(admin);
    response.status(status).render('admin/agency', {
      title: 'Agency settings',
      flash: extra.saved
        ? `Dossiers are now written in ${DOSSIER_LANGUAGE_NAMES[settings.dossierLanguage]} from the next version on.`
        : undefined,
      agencyName: settings.name,
      errors: extra.errors ?? [],
      languages: DOSSIER_LANGUAGES.map((code) => ({
        code,
        name: DOSSIER_LANGUAGE_NAMES[code],
        selected: code === settings.dossierLanguage,
      })),
    });
  }
}
