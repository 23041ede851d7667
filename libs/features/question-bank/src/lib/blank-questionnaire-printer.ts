import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserPool } from '@probity/pdf-rendering';
import { templatesDir } from '@probity/web';
import type { BlankQuestionnaireView } from './blank-questionnaire';

/** A private Handlebars instance: the print template sees only the helper it needs. */
function compileTemplate(): Handlebars.TemplateDelegate<BlankQuestionnaireView> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('times', function (this: unknown, count: unknown, options: Handlebars.HelperOptions) {
    const repeats = typeof count === 'number' && count > 0 ? Math.min(count, 20) : 0;
    return Array.from({ length: repeats }, () => options.fn(this)).join('');
  });
  const source = readFileSync(join(templatesDir(), 'question-bank', 'blank-questionnaire.hbs'), 'utf8');
  return handlebars.compile<BlankQuestionnaireView>(source, { strict: false });
}

/** Prints a blank questionnaire through the shared Chromium pool (JavaScript off, no network). */
@Injectable()
export class BlankQuestionnairePrinter {
  private readonly template = compileTemplate();

  constructor(private readonly browsers: BrowserPool) {}

  html(view: BlankQuestionnaireView): string {
    return this.template(view);
  }

  async pdf(view: BlankQuestionnaireView): Promise<Buffer> {
    const title = Handlebars.escapeExpression(view.title);
    return this.browsers.renderPdf(this.html(view), {
      title: view.title,
      headerHtml: `<div style="font-size:7pt;width:100%;padding:0 16mm;color:#4a5360;font-family:sans-serif">${title}</div>`,
      footerHtml: `<div style="font-size:7pt;width:100%;text-align:center;color:#4a5360;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    });
  }
}
