import {
  BadRequestException,
  ConflictException,
  Controller,
  Get,
  HttpException,
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
import { QuestionnaireDefinition } from '@probity/questionnaires';
import { FormBody } from '@probity/web';
import { languageOf, PortalLanguages, questionnaireLocale } from './portal-language';
import { providerWorkbook } from './provider-workbook';
import { confirmSubmitView, noticeOf, receiptHeader, returnPath, SectionOutcome, sectionView } from './portal-views';
import { PortalService, PortalState } from './portal.service';

/** Pages that only show a response: a provider can always read what it submitted and its receipt. */
const READ_SUBMITTED = { readSubmitted: true };

function wantsJson(request: Request): boolean {
  return request.accepts(['html', 'json']) === 'json';
}

/** A step's answer: the autosave script (asking for JSON) gets `status` and `body`; a browser is sent on to `then`. */
function answer(request: Request, response: Response, status: number, body: object | undefined, then: string): void {
  if (!wantsJson(request)) response.redirect(303, then);
  else if (body) response.status(status).json(body);
  else response.status(status).end();
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
    private readonly languages: PortalLanguages,
  ) {}

  @Get()
  async overview(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const state = await this.portal.open(token, READ_SUBMITTED);
    const { locale, view } = this.languages.contextOf(request, response, `/portal/${token}`);
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
    const locale = questionnaireLocale(languageOf(request));
    try {
      const { state, saved } = await this.portal.saveSection(token, index, body, locale);
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
        // The save changed nothing: the page shows the stored answers with the refused ones on top.
        await this.renderSection(await this.portal.open(token), token, index, request, response, {
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
    answer(request, response, 201, stored, `${returnPath(token, body)}#q-${questionName}`);
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
    answer(request, response, 204, undefined, returnPath(token, body));
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
    const json = { id: asked.id, question: asked.question, askedAt: asked.askedAt };
    answer(request, response, 201, json, `/portal/${token}?notice=asked#clarifications`);
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
      const { status, submissionHash, submittedAt } = submitted;
      answer(
        request,
        response,
        200,
        { status, submissionHash, submittedAt },
        `/portal/${token}/receipt?notice=submitted`,
      );
    } catch (error) {
      if (wantsJson(request) || !(error instanceof AnswerValidationException)) throw error;
      const { locale, view } = this.languages.contextOf(request, response, `/portal/${token}`);
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
    const { locale, view } = this.languages.contextOf(request, response, `/portal/${token}/receipt`);
    response.render('portal/receipt', {
      ...receiptHeader(state, token, { view }),
      flash: noticeOf(request, view.t),
      ...(await this.portal.receiptContent(state, locale)),
    });
  }

  /**
   * The case's questionnaire as a spreadsheet to prepare answers offline, in the portal's language:
   * every question and, in place, the instructions the portal shows (read-only rows).
   */
  @Get('offline.xlsx')
  async workbook(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const state = await this.portal.open(token, READ_SUBMITTED);
    const definition = state.procurementCase.questionnaireDefinition as QuestionnaireDefinition;
    const fileName = `${state.procurementCase.reference.replace(/[^A-Za-z0-9._-]/g, '_')}-questionnaire.xlsx`;
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    response.send(await providerWorkbook(definition, languageOf(request)));
  }

  private async renderSubmitConfirmation(
    state: PortalState,
    token: string,
    request: Request,
    response: Response,
  ): Promise<void> {
    const context = this.languages.contextOf(request, response, `/portal/${token}`);
    const sections = await this.portal.sections(state, context.locale);
    response.status(200).render('portal/confirm-submit', confirmSubmitView(state, token, sections, context));
  }

  private async renderSection(
    state: PortalState,
    token: string,
    index: number,
    request: Request,
    response: Response,
    outcome: SectionOutcome = {},
  ): Promise<void> {
    const context = this.languages.contextOf(request, response, `/portal/${token}/sections/${index}`);
    const sections = await this.portal.sections(state, context.locale, outcome.problems);
    const flash = noticeOf(request, context.view.t);
    response
      .status(outcome.status ?? 200)
      .render('portal/section', sectionView(state, token, index, sections, context, outcome, flash));
  }
}
