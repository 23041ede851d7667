import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { QuestionnaireTemplate, QuestionnaireTemplates } from '@probity/cases';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { exportQuestionnaire, QuestionnaireDefinition } from '@probity/questionnaires';
import { API_PREFIX } from '@probity/web';
import { adminActor } from './admin-actor';
import { warningsOf, warningSummary } from './template-preview-view';
import { ImportTemplateDto, UpdateTemplateDto } from './template.dto';

function listing(template: QuestionnaireTemplate) {
  const { definition: _definition, ...rest } = template;
  return rest;
}

/** A version with its import warnings (count and list with JSON paths), as import and read return it. */
function withWarnings<T>(template: QuestionnaireTemplate, body: T) {
  return { ...body, warnings: warningSummary(warningsOf(template.definition as QuestionnaireDefinition)) };
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
    const template = await this.templates.get(admin.agencyId, templateId);
    return withWarnings(template, template);
  }

  /**
   * The stored SurveyJS JSON as imported, every property another tool added kept (keys may come
   * back in another order: the database stores JSON objects by key).
   */
  @Get(':templateId/export')
  async export(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('templateId') templateId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const template = await this.templates.get(admin.agencyId, templateId);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${template.key}-v${template.version}.json"`);
    return exportQuestionnaire(template.definition as QuestionnaireDefinition);
  }

  /**
   * 422 lists every problem with its JSON path, and the warnings beside them; on success the warnings
   * come back with the draft. A key whose latest version is published gets the next version.
   */
  @Post()
  async import(@CurrentStaff() admin: StaffPrincipal, @Body() body: ImportTemplateDto) {
    const draft = await this.templates.importDraft(admin.agencyId, body.key, body.definition, adminActor(admin));
    return withWarnings(draft, listing(draft));
  }

  /** 409 for a published version. */
  @Put(':templateId')
  async update(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('templateId') templateId: string,
    @Body() body: UpdateTemplateDto,
  ) {
    const draft = await this.templates.updateDraft(admin.agencyId, templateId, body.definition, adminActor(admin));
    return withWarnings(draft, listing(draft));
  }

  @Post(':templateId/publish')
  @HttpCode(200)
  async publish(@CurrentStaff() admin: StaffPrincipal, @Param('templateId') templateId: string) {
    return listing(await this.templates.publish(admin.agencyId, templateId, adminActor(admin)));
  }
}
