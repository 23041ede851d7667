import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { QuestionnaireTemplate, QuestionnaireTemplates } from '@probity/cases';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { API_PREFIX } from '@probity/web';
import { adminActor } from './admin-actor';
import { ImportTemplateDto, UpdateTemplateDto } from './template.dto';

function listing(template: QuestionnaireTemplate) {
  const { definition: _definition, ...rest } = template;
  return rest;
}

/** The agency's own questionnaires as JSON: import (draft), replace a draft, publish. Published versions never change. */
@ApiTags('questionnaire templates')
@RequiresAccess('agency.administer')
@Controller(`${API_PREFIX}/questionnaire-templates`)
export class TemplateApiController {
  constructor(private readonly templates: QuestionnaireTemplates) {}

  @Get()
  async list(@CurrentStaff() admin: StaffPrincipal) {
    return { items: (await this.templates.list(admin.agencyId)).map(listing) };
  }

  @Get(':templateId')
  async get(@CurrentStaff() admin: StaffPrincipal, @Param('templateId') templateId: string) {
    return this.templates.get(admin.agencyId, templateId);
  }

  /** 422 lists every problem with its JSON path; a key whose latest version is published gets the next version. */
  @Post()
  async import(@CurrentStaff() admin: StaffPrincipal, @Body() body: ImportTemplateDto) {
    return listing(await this.templates.importDraft(admin.agencyId, body.key, body.definition, adminActor(admin)));
  }

  /** 409 for a published version. */
  @Put(':templateId')
  async update(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('templateId') templateId: string,
    @Body() body: UpdateTemplateDto,
  ) {
    return listing(await this.templates.updateDraft(admin.agencyId, templateId, body.definition, adminActor(admin)));
  }

  @Post(':templateId/publish')
  @HttpCode(200)
  async publish(@CurrentStaff() admin: StaffPrincipal, @Param('templateId') templateId: string) {
    return listing(await this.templates.publish(admin.agencyId, templateId, adminActor(admin)));
  }
}
