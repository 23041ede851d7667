import sanitizeHtml from 'sanitize-html';

/**
 * The only SVG vocabulary a dossier chart may use: shapes, text and accessible names. No links,
 * no <use>, <image>, <foreignObject>, <style>, <script> or event handlers, no `style` attributes
 * (CSS could carry url()), and no attribute that takes a URL.
 */
const SVG_ELEMENTS = [
  'svg',
  'g',
  'title',
  'desc',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'path',
  'text',
  'tspan',
];
const PRESENTATION = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'transform',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'class',
  'id',
];
const GEOMETRY = [
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'width',
  'height',
  'points',
  'd',
  'dx',
  'dy',
];
const ACCESSIBILITY = ['role', 'aria-label', 'aria-labelledby', 'aria-describedby', 'aria-hidden', 'focusable'];

const allowedAttributes: Record<string, string[]> = Object.fromEntries(
  SVG_ELEMENTS.map((element) => [element, [...PRESENTATION, ...GEOMETRY, ...ACCESSIBILITY]]),
);
allowedAttributes['svg'] = [...allowedAttributes['svg'], 'xmlns', 'viewBox', 'preserveAspectRatio', 'version'];

// A paint or id value that points somewhere (url(#x), url(http://…)) is dropped with its attribute.
const REFERENCE = /url\s*\(|javascript:|data:|&#|\\/i;

/**
 * Re-serialises a caller-supplied SVG chart through an allow-list, so the dossier template may embed
 * the result unescaped. Anything outside the list is removed, text content stays escaped, and a
 * string without an <svg> root gives "" (the template then prints nothing).
 */
export function sanitiseSvg(svg: string | undefined): string {
  if (!svg || !svg.includes('<svg')) return '';
  const clean = sanitizeHtml(svg, {
    allowedTags: SVG_ELEMENTS,
    allowedAttributes,
    allowedSchemes: [],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Keep SVG's camelCase attributes (viewBox) and self-closing shapes. Tag names are lower-cased (every
    // allowed element is lower-case): matching them as written let <SCRIPT> or <foreignobject> keep their text.
    parser: { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: false, recognizeSelfClosing: true },
    selfClosing: ['rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path'],
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'foreignobject'],
    exclusiveFilter: () => false,
    transformTags: {
      '*': (tagName, attribs) => ({
        tagName,
        attribs: Object.fromEntries(Object.entries(attribs).filter(([, value]) => !REFERENCE.test(value))),
      }),
    },
  });
  return clean.trim().startsWith('<svg') ? clean.trim() : '';
}
