import type { HelperOptions } from 'handlebars';

/** Fills `{name}` placeholders of a catalog message; an unknown placeholder stays visible rather than vanishing. */
export function formatMessage(template: unknown, values: Record<string, unknown>): string {
  if (typeof template !== 'string') return '';
  return template.replace(/\{([a-zA-Z]+)\}/g, (placeholder, name: string) =>
    values[name] === undefined || values[name] === null ? placeholder : String(values[name]),
  );
}

/** Helpers available in every page template. Output stays escaped: none of these returns SafeString. */
export const VIEW_HELPERS = {
  eq: (a: unknown, b: unknown) => a === b,
  formatDate: (value: unknown) => {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : '';
  },
  formatDateTime,
  percent: (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)}` : '—'),
  /** Joins its arguments into one string (Handlebars passes its options object last). */
  concat: (...parts: unknown[]) => parts.slice(0, -1).map(String).join(''),
  /** `{{fmt t.overview.dueBy date=(formatDateTime due)}}`: a translated message with its values. */
  fmt: (template: unknown, options: HelperOptions) => formatMessage(template, options.hash as Record<string, unknown>),
};

function formatDateTime(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
}
