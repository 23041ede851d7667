import { Controller, Get, Header, NotFoundException, Param, Query, Render, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { isPortalLanguage, messagesFor, PORTAL_LANGUAGES } from '@probity/portal';
import {
  BUILT_IN_QUESTIONNAIRES,
  BuiltInQuestionnaire,
  describeBank,
  localised,
  offlineWorkbook,
  publishedView,
  RuleDefinition,
} from '@probity/questionnaires';
import { blankQuestionnaire } from './blank-questionnaire';
import { BlankQuestionnairePrinter } from './blank-questionnaire-printer';

/** A rule as this English page lists it (the bank's rules carry every language). */
const ruleInEnglish = (rule: RuleDefinition) => ({
  ...rule,
  title: localised(rule.title),
  explanation: localised(rule.explanation),
});

function find(key: string): BuiltInQuestionnaire {
  const found = BUILT_IN_QUESTIONNAIRES.find((questionnaire) => questionnaire.key === key);
  if (!found) throw new NotFoundException(`There is no built-in questionnaire "${key}".`);
  return found;
}

/**
 * The built-in responsible-AI questionnaires as published to providers: questions, weights and
 * knock-out rules, every choice's points and band, and red flags labelled as contract risks: the complete
 * method, as tender law requires. Any SurveyJS tool can import the JSON.
 */
@ApiTags('question bank')
@Controller()
export class QuestionBankController {
  constructor(private readonly printer: BlankQuestionnairePrinter) {}

  @Get('question-bank')
  @Render('question-bank/index')
  index() {
    return {
      title: 'Question bank',
      questionnaires: BUILT_IN_QUESTIONNAIRES.map((q) => ({
        key: q.key,
        title: q.title,
        version: q.version,
        questions: describeBank(q.definition).core.reduce(
          (sum, core) => sum + core.instrumental.reduce((n, p) => n + p.questions.length, 0),
          0,
        ),
        knockouts: q.definition.knockouts?.length ?? 0,
        redFlags: q.definition.redFlags?.length ?? 0,
      })),
    };
  }

  @Get('question-bank/:key')
  @Render('question-bank/questionnaire')
  questionnaire(@Param('key') key: string) {
    const found = find(key);
    return {
      title: found.title,
      questionnaire: found,
      bank: describeBank(found.definition),
      knockouts: (found.definition.knockouts ?? []).map(ruleInEnglish),
      redFlags: (found.definition.redFlags ?? []).map(ruleInEnglish),
      blankPdfs: PORTAL_LANGUAGES.map((language) => ({
        language,
        name: messagesFor(language).language.name,
        href: `/question-bank/${found.key}/blank.pdf${language === 'en' ? '' : `?lang=${language}`}`,
      })),
    };
  }

  @Get('api/v1/question-bank/:key')
  @ApiOkResponse({
    description:
      'The questionnaire as providers see it: SurveyJS JSON with the complete scoring method (points, bands, knock-outs, red flags labelled as contract risks, the rules).',
  })
  json(@Param('key') key: string) {
    return publishedView(find(key).definition);
  }

  @Get('question-bank/:key/offline.xlsx')
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async workbook(@Param('key') key: string, @Res() response: Response): Promise<void> {
    const found = find(key);
    response.setHeader('Content-Disposition', `attachment; filename="${found.key}-v${found.version}.xlsx"`);
    response.send(await offlineWorkbook(found.definition));
  }

  /** The questionnaire to print and answer by hand (`?lang=fr|es|ar` where translations exist). */
  @Get('question-bank/:key/blank.pdf')
  async blankPdf(@Param('key') key: string, @Query('lang') lang: unknown, @Res() response: Response): Promise<void> {
    const found = find(key);
    const language = isPortalLanguage(lang) ? lang : 'en';
    const pdf = await this.printer.pdf(blankQuestionnaire(found.definition, { version: found.version, language }));
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `inline; filename="${found.key}-v${found.version}-blank.pdf"`);
    response.send(pdf);
  }
}
