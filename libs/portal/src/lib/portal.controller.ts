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
import type { Request, Response } from 'express';
import {
  AnswerValidationException,
  ClarificationsService,
  EvidenceService,
  MAX_EVIDENCE_BYTES,
  ResponsesService,
} from '@probity/cases';
import { AppConfig } from '@probity/config';
import { isRightToLeft } from '@probity/questionnaires';
import {
  choosePortalLanguage,
  isPortalLanguage,
  messagesFor,
  PORTAL_LANGUAGES,
  PortalCatalog,
  PortalLanguage,
} from './i18n/catalog';
import { answersFromForm } from './portal-form';
import { PortalService, PortalState } from './portal.service';
import { FormBody } from '@probity/web';

/** Remembers the provider's language choice across the portal's pages (readable by no one else). */
export const LANGUAGE_COOKIE = 'probity_lang';
const LANGUAGE_COOKIE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

function languageOf(request: Request): PortalLanguage {
  return choosePortalLanguage({
    query: request.query.lang,
    cookie: (request.cookies as Record<string, unknown> | undefined)?.[LANGUAGE_COOKIE],
    acceptLanguage: (languages) => request.acceptsLanguages(languages),
  });
}

/** The questionnaire's locale key for a language: SurveyJS calls English "default". */
function questionnaireLocale(language: PortalLanguage): string {
  return language === 'en' ? 'default' : language;
}

/** Pages that only show a response: a provider can always read what it submitted and its receipt. */
const READ_SUBMITTED = { readSubmitted: true };

function wantsJson(request: Request): boolean {
  return request.accepts(['html', 'json']) === 'json';
}

/**
 * The provider portal: no account, just the invite link. Pages work without JavaScript; a small
 * script adds autosave through the same section endpoint (answering JSON when asked for it).
 */
@ApiExcludeController()
@Controller('portal/:token')
export class PortalController {
  constructor(
    private readonly portal: PortalService,
    private readonly responses: ResponsesService,
    private readonly evidence: EvidenceService,
    private readonly clarifications: ClarificationsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * What every portal page needs to speak the provider's language: `<html lang dir>`, the messages,
   * and the language switch (links back to `path`). An explicit `?lang=` choice is remembered.
   */
  private languageContext(request: Request, response: Response, path: string) {
    const language = languageOf(request);
    if (isPortalLanguage(request.query.lang))
      response.cookie(LANGUAGE_COOKIE, language, {
        sameSite: 'lax',
        secure: request.secure || this.config.publicBaseUrl.startsWith('https://'),
        httpOnly: false,
        path: '/portal/',
        maxAge: LANGUAGE_COOKIE_MAX_AGE_MS,
      });
    const t = messagesFor(language);
    return {
      language,
      locale: questionnaireLocale(language),
      view: {
        lang: language,
        dir: isRightToLeft(language) ? 'rtl' : 'ltr',
        t,
        languages: PORTAL_LANGUAGES.map((code) => ({
          code,
          name: messagesFor(code).language.name,
          href: `${path}?lang=${code}`,
          current: code === language,
        })),
      },
    };
  }

  @Get()
  async overview(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const state = await this.portal.open(token, READ_SUBMITTED);
    const { locale, view } = this.languageContext(request, response, `/portal/${token}`);
    response.render('portal/overview', {
      title: state.procurementCase.title,
      token,
      ...view,
      ...(await this.portal.overview(state, locale)),
      flash: noticeOf(request, view.t),
    });
  }

  @Get('sections/:index')
  async section(
    @Param('token') token: string,
    @Param('index', ParseIntPipe) index: number,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.portal.open(token, READ_SUBMITTED);
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
    const locale = questionnaireLocale(languageOf(request));
    const section = (await this.portal.sections(state, locale)).find((candidate) => candidate.index === index);
    if (!section) throw new NotFoundException('This section does not apply to your answers.');
    const revision = Number(body._revision);
    if (!Number.isInteger(revision)) throw new BadRequestException('The form is missing its revision number.');
    try {
      const saved = await this.responses.saveAnswers(
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
    const stored = await this.evidence.addEvidence(state.response.id, questionName, fileName, file.buffer, state.actor);
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
    await this.evidence.removeEvidence(state.response.id, evidenceId, state.actor);
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
  async submit(
    @Param('token') token: string,
    @FormBody() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.portal.open(token);
    if (state.response.status === 'submitted') throw new ConflictException('This response was already submitted.');
    const problems = this.portal.submissionProblems(state);
    try {
      if (problems.length) throw new AnswerValidationException(problems);
      // Submitting cannot be undone: a browser confirms it on a page of its own (no JavaScript needed).
      if (!wantsJson(request) && body.confirmed !== 'yes') {
        await this.renderSubmitConfirmation(state, token, request, response);
        return;
      }
      const submitted = await this.portal.submit(state);
      if (wantsJson(request)) {
        response.status(200).json({
          status: submitted.status,
          submissionHash: submitted.submissionHash,
          submittedAt: submitted.submittedAt,
        });
        return;
      }
      response.redirect(303, `/portal/${token}/receipt?notice=submitted`);
    } catch (error) {
      if (wantsJson(request) || !(error instanceof AnswerValidationException)) throw error;
      const { locale, view } = this.languageContext(request, response, `/portal/${token}`);
      response.status(422).render('portal/overview', {
        title: state.procurementCase.title,
        token,
        ...view,
        ...(await this.portal.overview(state, locale, error.problems)),
      });
    }
  }

  @Get('receipt')
  async receipt(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const state = await this.portal.open(token, READ_SUBMITTED);
    if (state.response.status !== 'submitted') {
      response.redirect(303, `/portal/${token}`);
      return;
    }
    const { locale, view } = this.languageContext(request, response, `/portal/${token}/receipt`);
    response.render('portal/receipt', {
      title: view.t.receipt.title,
      token,
      ...view,
      flash: noticeOf(request, view.t),
      organisationName: state.response.organisationName,
      reference: state.procurementCase.reference,
      caseTitle: state.procurementCase.title,
      submittedAt: state.response.submittedAt,
      submissionHash: state.response.submissionHash,
      ...(await this.portal.receiptContent(state, locale)),
    });
  }

  /** The confirmation step before the irreversible submission, with what is about to be sent. */
  private async renderSubmitConfirmation(
    state: PortalState,
    token: string,
    request: Request,
    response: Response,
  ): Promise<void> {
    const { locale, view } = this.languageContext(request, response, `/portal/${token}`);
    const questions = (await this.portal.sections(state, locale)).flatMap((section) => section.questions);
    response.status(200).render('portal/confirm-submit', {
      title: view.t.overview.confirmTitle,
      token,
      ...view,
      organisationName: state.response.organisationName,
      reference: state.procurementCase.reference,
      caseTitle: state.procurementCase.title,
      answered: questions.filter((question) => question.answered).length,
      total: questions.length,
      files: questions.reduce((count, question) => count + question.evidence.length, 0),
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
    const { language, locale, view } = this.languageContext(request, response, `/portal/${token}/sections/${index}`);
    const sections = await this.portal.sections(state, locale, outcome.problems);
    const position = sections.findIndex((candidate) => candidate.index === index);
    if (position < 0) throw new NotFoundException('This section does not apply to your answers.');
    const section = sections[position];
    response.status(outcome.status ?? 200).render('portal/section', {
      title: section.title,
      token,
      ...view,
      scripts: state.response.status === 'submitted' ? [] : ['portal-autosave.js', 'evidence-upload.js'],
      section,
      sections: sections.map((candidate) => ({ ...candidate, current: candidate.index === index })),
      previous: sections[position - 1],
      next: sections[position + 1],
      revision: state.response.revision,
      readOnly: state.response.status === 'submitted',
      problems: outcome.problems,
      // The service explains conflicts in English; other languages get the catalog's wording.
      conflict:
        outcome.conflict === undefined
          ? undefined
          : language === 'en'
            ? outcome.conflict
            : view.t.section.conflictDefault,
      flash: noticeOf(request, view.t),
      maxEvidenceMb: MAX_EVIDENCE_BYTES / 1024 / 1024,
    });
  }
}

/** The confirmation named by `?notice=` after a post/redirect/get, in the page's language. */
function noticeOf(request: Request, t: PortalCatalog): string | undefined {
  const notice = request.query.notice;
  return notice === 'saved' || notice === 'asked' || notice === 'submitted' ? t.notices[notice] : undefined;
}

function returnPath(token: string, body: Record<string, unknown>): string {
  const section = Number(body.returnToSection);
  return Number.isInteger(section) && section >= 0 ? `/portal/${token}/sections/${section}` : `/portal/${token}`;
}
