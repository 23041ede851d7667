import {
  BadRequestException,
  ConflictException,
  Controller,
  Get,
  HttpException,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AnswerValidationException, CasesService, ClarificationsService, MAX_EVIDENCE_BYTES } from '@probity/cases';
import { isRightToLeft } from '@probity/questionnaires';
import { answersFromForm } from './portal-form';
import { PortalService, PortalState } from './portal.service';
import { FormBody } from '@probity/web';

const SUPPORTED_LOCALES = ['en', 'fr', 'es', 'ar'];

/** Sixty requests a minute per address on provider links: plenty for autosave, too few to guess tokens. */
const PORTAL_LIMIT = { default: { limit: 60, ttl: 60_000 } };

function localeOf(request: Request): string {
  const asked = typeof request.query.lang === 'string' ? request.query.lang : undefined;
  const locale =
    asked && SUPPORTED_LOCALES.includes(asked) ? asked : request.acceptsLanguages(SUPPORTED_LOCALES) || 'en';
  return locale === 'en' ? 'default' : locale;
}

function pageLanguage(locale: string) {
  const lang = locale === 'default' ? 'en' : locale;
  return { lang, dir: isRightToLeft(lang) ? 'rtl' : 'ltr' };
}

function wantsJson(request: Request): boolean {
  return request.accepts(['html', 'json']) === 'json';
}

/**
 * The provider portal: no account, just the invite link. Pages work without JavaScript; a small
 * script adds autosave through the same section endpoint (answering JSON when asked for it).
 */
@ApiExcludeController()
@Throttle(PORTAL_LIMIT)
@Controller('portal/:token')
export class PortalController {
  constructor(
    private readonly portal: PortalService,
    private readonly cases: CasesService,
    private readonly clarifications: ClarificationsService,
  ) {}

  @Get()
  async overview(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const state = await this.portal.open(token);
    const locale = localeOf(request);
    response.render('portal/overview', {
      title: state.procurementCase.title,
      token,
      ...pageLanguage(locale),
      ...(await this.portal.overview(state, locale)),
      flash: typeof request.query.notice === 'string' ? NOTICES[request.query.notice] : undefined,
    });
  }

  @Get('sections/:index')
  async section(
    @Param('token') token: string,
    @Param('index', ParseIntPipe) index: number,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.portal.open(token);
    await this.renderSection(state, token, index, request, response);
  }

  /** Saves one section. Browsers get the page back; the autosave script asks for JSON. */
  @Post('sections/:index')
  async saveSection(
    @Param('token') token: string,
    @Param('index', ParseIntPipe) index: number,
    @FormBody() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.portal.open(token);
    const locale = localeOf(request);
    const section = (await this.portal.sections(state, locale)).find((candidate) => candidate.index === index);
    if (!section) throw new NotFoundException('This section does not apply to your answers.');
    const revision = Number(body._revision);
    if (!Number.isInteger(revision)) throw new BadRequestException('The form is missing its revision number.');
    try {
      const saved = await this.cases.saveAnswers(
        state.response.id,
        answersFromForm(section, body),
        revision,
        state.actor,
      );
      if (wantsJson(request)) {
        response.status(200).json({ revision: saved.revision, savedAt: new Date().toISOString() });
        return;
      }
      const next = (await this.portal.sections({ ...state, response: saved }, locale)).find(
        (candidate) => candidate.index > index,
      );
      response.redirect(
        303,
        next ? `/portal/${token}/sections/${next.index}?notice=saved` : `/portal/${token}?notice=saved`,
      );
    } catch (error) {
      if (wantsJson(request) || !(error instanceof HttpException)) throw error;
      const status = error.getStatus();
      if (error instanceof AnswerValidationException) {
        await this.renderSection({ ...state }, token, index, request, response, {
          status,
          problems: error.problems,
          unsaved: body,
        });
        return;
      }
      if (error instanceof ConflictException) {
        const fresh = await this.portal.open(token);
        await this.renderSection(fresh, token, index, request, response, {
          status,
          conflict: (error.getResponse() as { message?: string }).message ?? 'These answers changed elsewhere.',
        });
        return;
      }
      throw error;
    }
  }

  @Post('evidence')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 10 } }))
  async uploadEvidence(
    @Param('token') token: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @FormBody() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.portal.open(token);
    if (!file) throw new BadRequestException('Choose a file to upload.');
    const questionName = typeof body.questionName === 'string' ? body.questionName : '';
    // Multer decodes multipart file names as latin1; browsers send UTF-8.
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const stored = await this.cases.addEvidence(state.response.id, questionName, fileName, file.buffer, state.actor);
    if (wantsJson(request)) {
      response.status(201).json(stored);
      return;
    }
    response.redirect(303, `${returnPath(token, body)}#q-${questionName}`);
  }

  @Post('evidence/:evidenceId/delete')
  async removeEvidence(
    @Param('token') token: string,
    @Param('evidenceId') evidenceId: string,
    @FormBody() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.portal.open(token);
    await this.cases.removeEvidence(state.response.id, evidenceId, state.actor);
    if (wantsJson(request)) {
      response.status(204).end();
      return;
    }
    response.redirect(303, returnPath(token, body));
  }

  @Post('clarifications')
  async ask(
    @Param('token') token: string,
    @FormBody() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.portal.open(token);
    const asked = await this.clarifications.ask(
      state.response,
      state.procurementCase,
      typeof body.question === 'string' ? body.question : '',
    );
    if (wantsJson(request)) {
      response.status(201).json({ id: asked.id, question: asked.question, askedAt: asked.askedAt });
      return;
    }
    response.redirect(303, `/portal/${token}?notice=asked#clarifications`);
  }

  @Post('submit')
  async submit(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const state = await this.portal.open(token);
    if (state.response.status === 'submitted') throw new ConflictException('This response was already submitted.');
    const problems = this.portal.submissionProblems(state);
    try {
      if (problems.length) throw new AnswerValidationException(problems);
      const submitted = await this.portal.submit(state);
      if (wantsJson(request)) {
        response.status(200).json({
          status: submitted.status,
          submissionHash: submitted.submissionHash,
          submittedAt: submitted.submittedAt,
        });
        return;
      }
      response.redirect(303, `/portal/${token}/receipt`);
    } catch (error) {
      if (wantsJson(request) || !(error instanceof AnswerValidationException)) throw error;
      const locale = localeOf(request);
      response.status(422).render('portal/overview', {
        title: state.procurementCase.title,
        token,
        ...pageLanguage(locale),
        ...(await this.portal.overview(state, locale, error.problems)),
      });
    }
  }

  @Get('receipt')
  async receipt(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const state = await this.portal.open(token);
    if (state.response.status !== 'submitted') {
      response.redirect(303, `/portal/${token}`);
      return;
    }
    response.render('portal/receipt', {
      title: 'Submission receipt',
      token,
      ...pageLanguage(localeOf(request)),
      organisationName: state.response.organisationName,
      reference: state.procurementCase.reference,
      caseTitle: state.procurementCase.title,
      submittedAt: state.response.submittedAt,
      submissionHash: state.response.submissionHash,
      evidence: await this.cases.evidenceOf(state.response.id),
    });
  }

  private async renderSection(
    state: PortalState,
    token: string,
    index: number,
    request: Request,
    response: Response,
    outcome: {
      status?: number;
      problems?: AnswerValidationException['problems'];
      conflict?: string;
      unsaved?: unknown;
    } = {},
  ): Promise<void> {
    const locale = localeOf(request);
    const sections = await this.portal.sections(state, locale, outcome.problems);
    const position = sections.findIndex((candidate) => candidate.index === index);
    if (position < 0) throw new NotFoundException('This section does not apply to your answers.');
    const section = sections[position];
    response.status(outcome.status ?? 200).render('portal/section', {
      title: section.title,
      token,
      ...pageLanguage(locale),
      scripts: state.response.status === 'submitted' ? [] : ['portal-autosave.js'],
      section,
      sections: sections.map((candidate) => ({ ...candidate, current: candidate.index === index })),
      previous: sections[position - 1],
      next: sections[position + 1],
      revision: state.response.revision,
      readOnly: state.response.status === 'submitted',
      problems: outcome.problems,
      conflict: outcome.conflict,
      flash: typeof request.query.notice === 'string' ? NOTICES[request.query.notice] : undefined,
      maxEvidenceMb: MAX_EVIDENCE_BYTES / 1024 / 1024,
    });
  }
}

const NOTICES: Record<string, string> = {
  saved: 'Your answers were saved.',
  asked: 'Your question was sent. The answer will be published to every invited provider.',
};

function returnPath(token: string, body: Record<string, unknown>): string {
  const section = Number(body.returnToSection);
  return Number.isInteger(section) && section >= 0 ? `/portal/${token}/sections/${section}` : `/portal/${token}`;
}
