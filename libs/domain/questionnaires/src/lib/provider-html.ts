import sanitizeHtml from 'sanitize-html';
import type { ElementDefinition, QuestionnaireDefinition } from './definition';
import { localised } from './localise';

/**
 * The one allow-list for questionnaire text that is HTML (SurveyJS `html` elements): structure and
 * emphasis only. No images, media, forms, frames, scripts, styles or classes (an imported
 * questionnaire must not fetch anything, restyle the page or run code in the portal, the preview
 * or the PDFs), and links only to http(s) or mailto addresses.
 */
const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'small',
  'sub',
  'sup',
  'span',
  'div',
  'blockquote',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'abbr',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    abbr: ['title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Headings of the page itself are h1/h2: an imported h1/h2 becomes h3 so the outline stays right.
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
  disallowedTagsMode: 'discard',
};

/** Questionnaire HTML made safe to embed unescaped in the portal, the preview and the PDFs. */
export function sanitiseProviderHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** The HTML of an `html` element in a locale, sanitised ("" when it has none). */
export function htmlOf(element: ElementDefinition, locale = 'default'): string {
  const html = element.html;
  if (typeof html !== 'string' && (html === null || typeof html !== 'object')) return '';
  return sanitiseProviderHtml(localised(html as Parameters<typeof localised>[0], locale));
}

/**
 * A panel's title and description as HTML (escaped text: they are plain strings in SurveyJS), so a
 * group's heading reaches the respondent like an instruction block; "" when it has neither.
 */
export function panelHeadingOf(panel: ElementDefinition, locale = 'default'): string {
  // SurveyJS shows no title for a panel with titleLocation "hidden"; its description stays.
  const title = panel.titleLocation === 'hidden' ? '' : localised(panel.title, locale).trim();
  const description = localised(panel.description, locale).trim();
  return [title && `<p><strong>${escapeText(title)}</strong></p>`, description && `<p>${escapeText(description)}</p>`]
    .filter(Boolean)
    .join('');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * For each question, the `html` blocks just before it on its page (since the previous question):
 * the instructions and lead-ins a reader of its answer needs, e.g. in the dossier's answers annex.
 */
export function leadInsOf(definition: QuestionnaireDefinition, locale = 'default'): Map<string, string> {
  const leadIns = new Map<string, string>();
  for (const page of definition.pages) {
    let pending: string[] = [];
    const visit = (elements: ElementDefinition[] | undefined) => {
      for (const element of elements ?? []) {
        if (element.type === 'panel') visit(element.elements);
        else if (element.type === 'html') {
          const html = htmlOf(element, locale);
          if (html) pending.push(html);
        } else if (!['image', 'expression'].includes(element.type)) {
          if (pending.length) leadIns.set(element.name, pending.join('\n'));
          pending = [];
        }
      }
    };
    visit(page.elements);
  }
  return leadIns;
}
