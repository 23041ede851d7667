import { Controller, Get, HttpException, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { QuestionnaireTemplates, TemplateImportException } from '@probity/cases';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { isPortalLanguage, PortalLanguage } from '@probity/portal';
import { blankQuestionnaire, BlankQuestionnairePrinter } from '@probity/question-bank';
import { ImportProblem, QuestionnaireDefinition } from '@probity/questionnaires';
import { adminActor } from './admin-actor';
import { FormBody } from '@probity/web';
import { previewView, templateSummary, warningView } from './template-preview-view';

const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

const NOTICES: Record<string, string> = {
  imported: 'The questionnaire was imported as a draft. Check the preview, then publish it.',
  published: 'This version is published. Officers can now choose it for new cases; it can no longer change.',
};

/** Agency administrators import, preview and publish their own questionnaires (post/redirect/get). */
@ApiExcludeController()
@RequiresAccess('agency.administer')
@Controller('admin/questionnaires')
export class TemplatePagesController {
  constructor(
    private readonly templates: QuestionnaireTemplates,
    private readonly printer: BlankQuestionnairePrinter,
  ) {}

  @Get()
  async list(@CurrentStaff() admin: StaffPrincipal, @Res() response: Response) {
    await this.renderList(admin, response, {});
  }

  /** Multipart (for the optional file), so the CSRF token travels in the action's query string. */
  @Post()
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_TEMPLATE_BYTES, fieldSize: MAX_TEMPLATE_BYTES, files: 1 } }),
  )
  async import(
    @CurrentStaff() admin: StaffPrincipal,
    @UploadedFile() file: Express.Multer.File | undefined,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const key = typeof form.key === 'string' ? form.key : '';
    const pasted = typeof form.definition === 'string' ? form.definition : '';
    const source = file && file.size > 0 ? file.buffer.toString('utf8') : pasted;
    if (!source.trim())
      return this.renderList(admin, response, {
        form: { key, definition: pasted },
        problems: [{ path: '$', message: 'paste the questionnaire JSON or choose a file' }],
        status: 422,
      });
    try {
      const draft = await this.templates.importDraft(admin.agencyId, key, source, adminActor(admin));
      response.redirect(303, `/admin/questionnaires/${draft.id}?notice=imported`);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      const problems: ImportProblem[] =
        error instanceof TemplateImportException ? error.problems : [{ path: 'key', message: error.message }];
      await this.renderList(admin, response, {
        form: { key, definition: pasted },
        problems,
        warnings: error instanceof TemplateImportException ? error.warnings : [],
        status: error.getStatus(),
      });
    }
  }

  /** A read-only preview with the portal's own question partials: every section, whatever the logic. */
  @Get(':templateId')
  async preview(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('templateId') templateId: string,
    @Query('notice') notice: string | undefined,
    @Query('lang') lang: unknown,
    @Res() response: Response,
  ) {
    await this.renderPreview(admin, templateId, response, {
      flash: notice ? NOTICES[notice] : undefined,
      language: isPortalLanguage(lang) ? lang : 'en',
    });
  }

  /** The version as a blank questionnaire to print, like the built-in ones in the question bank. */
  @Get(':templateId/blank.pdf')
  async blankPdf(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('templateId') templateId: string,
    @Query('lang') lang: unknown,
    @Res() response: Response,
  ) {
    const template = await this.templates.get(admin.agencyId, templateId);
    const view = blankQuestionnaire(template.definition as QuestionnaireDefinition, {
      version: template.version,
      language: isPortalLanguage(lang) ? lang : 'en',
    });
    const pdf = await this.printer.pdf(view);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `inline; filename="${template.key}-v${template.version}-blank.pdf"`);
    response.send(pdf);
  }

  @Post(':templateId/publish')
  async publish(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('templateId') templateId: string,
    @Res() response: Response,
  ) {
    try {
      await this.templates.publish(admin.agencyId, templateId, adminActor(admin));
      response.redirect(303, `/admin/questionnaires/${templateId}?notice=published`);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() !== 409) throw error;
      await this.renderPreview(admin, templateId, response, { errors: [error.message], status: 409 });
    }
  }

  private async renderList(
    admin: StaffPrincipal,
    response: Response,
    options: { form?: Record<string, string>; problems?: ImportProblem[]; warnings?: ImportProblem[]; status?: number },
  ) {
    const templates = await this.templates.list(admin.agencyId);
    response.status(options.status ?? 200).render('admin/questionnaires', {
      title: 'Questionnaire templates',
      templates: templates.map((template) => ({ ...templateSummary(template), createdAt: template.createdAt })),
      form: options.form ?? {},
      problems: options.problems,
      warnings: warningView(options.warnings ?? []),
      maxMb: MAX_TEMPLATE_BYTES / 1024 / 1024,
    });
  }

  private async renderPreview(
    admin: StaffPrincipal,
    templateId: string,
    response: Response,
    options: { flash?: string; errors?: string[]; status?: number; language?: PortalLanguage },
  ) {
    const template = await this.templates.get(admin.agencyId, templateId);
    const view = previewView(template.definition as QuestionnaireDefinition, options.language ?? 'en');
    response.status(options.status ?? 200).render('admin/questionnaire-preview', {
      title: `${template.title} (version ${template.version})`,
      flash: options.flash,
      errors: options.errors,
      template: { ...templateSummary(template), contentHash: template.contentHash },
      ...view,
      readOnly: true,
    });
  }
}
