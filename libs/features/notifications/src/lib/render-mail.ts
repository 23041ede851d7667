import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from '@probity/web';
import { MAIL_TEMPLATES, MailContexts, MailTemplate, parseMailContext } from './mail-contexts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Compiled = (context: object) => string;

interface MailTemplates {
  subject: Compiled;
  text: Compiled;
  html: Compiled;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });

function asDate(value: unknown): Date | null {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** Helpers return plain strings, never SafeString: whatever they print is still escaped in HTML. */
function registerHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('formatDateTime', (value: unknown) => {
    const date = asDate(value);
    return date ? `${dateTime.format(date)} UTC` : '';
  });
  handlebars.registerHelper('plural', (count: unknown, singular: unknown, plural: unknown) =>
    String(count === 1 ? singular : plural),
  );
}

let cache: Record<MailTemplate, MailTemplates> | undefined;

/**
 * Compiles templates/email once, on two private Handlebars instances: the HTML one escapes every
 * value (templates never use triple-stash), the plain-text one does not, because `&amp;` in a
 * text/plain part would be printed literally. Subjects are text, and are folded onto one line.
 */
function compiledTemplates(): Record<MailTemplate, MailTemplates> {
  if (cache) return cache;
  const root = join(templatesDir(), 'email');
  const html = Handlebars.create();
  const text = Handlebars.create();
  registerHelpers(html);
  registerHelpers(text);
  for (const file of readdirSync(join(root, 'partials'))) {
    const match = /^(.+)\.(html|text)\.hbs$/.exec(file);
    if (!match) continue;
    const source = readFileSync(join(root, 'partials', file), 'utf8');
    (match[2] === 'html' ? html : text).registerPartial(match[1], source);
  }
  const read = (template: string, part: string) => readFileSync(join(root, `${template}.${part}.hbs`), 'utf8');
  const knownHelpers = { formatDateTime: true, plural: true };
  const compiled = {} as Record<MailTemplate, MailTemplates>;
  for (const template of MAIL_TEMPLATES) {
    compiled[template] = {
      subject: text.compile(read(template, 'subject'), { noEscape: true, knownHelpers }),
      text: text.compile(read(template, 'text'), { noEscape: true, knownHelpers }),
      html: html.compile(read(template, 'html'), { knownHelpers }),
    };
  }
  cache = compiled;
  return compiled;
}

/**
 * Renders one e-mail: subject, plain-text part and HTML part. Validates the context first, so a
 * missing value or a non-http(s) link fails here instead of producing a blank or dangerous mail.
 */
export function renderMail<T extends MailTemplate>(template: T, context: MailContexts[T]): RenderedMail {
  const values = parseMailContext(template, context);
  const templates = compiledTemplates()[template];
  // Header values must not carry line breaks, whatever a case title contains.
  const subject = templates.subject(values).replace(/\s+/g, ' ').trim();
  const text = `${templates
    .text(values)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
  const html = templates.html({ ...values, mailSubject: subject });
  return { subject, text, html };
}
