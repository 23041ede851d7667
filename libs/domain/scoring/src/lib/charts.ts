import { CORE_PRINCIPLES, INSTRUMENTAL_PRINCIPLES } from '@probity/rubric';

/**
 * Server-side SVG charts: the same string goes into web pages and the PDF dossier. Every chart is
 * `role="img"` with a <title> and a <desc> that states every number, prints values as text next to
 * the marks (colour is never the only carrier of meaning), escapes every label (provider names are
 * untrusted), and is deterministic: the same numbers give the same bytes.
 */

const PALETTE = ['#0b4f8a', '#b35900', '#1e6b34', '#7a1f8f', '#a8071a', '#005f66', '#5c4a00', '#333f99'];
const FONT = 'Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif';

// Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF): one of them in a provider
// name would make the whole SVG unparseable, so they become U+FFFD.
/* eslint-disable no-control-regex -- matching control characters is this pattern's purpose */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(/[<>&'"]/g, (c) => ENTITIES[c]);
}

/** A chart's label never outgrows its column; the full name stays in the <desc> and a tooltip. */
function label(text: string, maxLength: number): string {
  const characters = Array.from(text);
  return characters.length <= maxLength ? text : `${characters.slice(0, maxLength - 1).join('')}…`;
}

/** Scores as printed: one decimal, none when whole, "n/a" when there is no score. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1);
}

/** Geometry only: a score outside 0–100 would draw outside the chart. */
const clamp = (value: number) => Math.min(100, Math.max(0, value));
const present = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);
const n = (value: number) => (Math.round(value * 10) / 10).toString();

export interface ChartSeries {
  name: string;
  values: Record<string, number | null | undefined>;
}

export type PrincipleLevel = 'core' | 'instrumental';

function principlesOf(level: PrincipleLevel): ReadonlyArray<{ id: string; name: string }> {
  return level === 'core' ? CORE_PRINCIPLES : INSTRUMENTAL_PRINCIPLES;
}

function describe(series: ChartSeries[], columns: ReadonlyArray<{ id: string; name: string }>): string {
  return series
    .map((s) => `${s.name}: ${columns.map((c) => `${c.name} ${formatScore(s.values[c.id])}`).join(', ')}`)
    .join('. ');
}

/**
 * Grouped horizontal bars: one group per principle (core by default, or the 17 instrumental
 * ones), one bar per provider in legend order, each bar's value printed after it. With a single
 * series it is one provider's bar chart.
 */
export function principleBarChart(
  series: ChartSeries[],
  title: string,
  options: { level?: PrincipleLevel } = {},
): string {
  const groups = principlesOf(options.level ?? 'core');
  const width = 720;
  const labelWidth = 230;
  const plotWidth = width - labelWidth - 50;
  const barPitch = 18;
  const groupHeight = barPitch * Math.max(1, series.length) + 24;
  const legendTop = 20 + groups.length * groupHeight;
  const height = legendTop + 20 * series.length + 10;
  const parts: string[] = [];
  groups.forEach((group, g) => {
    const top = 20 + g * groupHeight;
    parts.push(`<text x="0" y="${top + 14}" font-size="12" font-weight="600">${escapeXml(group.name)}</text>`);
    series.forEach((s, i) => {
      const value = s.values[group.id];
      const y = top + 20 + i * barPitch;
      const barWidth = present(value) ? (clamp(value) / 100) * plotWidth : 0;
      parts.push(
        `<rect x="${labelWidth}" y="${y}" width="${n(barWidth)}" height="14" fill="${PALETTE[i % PALETTE.length]}"><title>${escapeXml(`${s.name}, ${group.name}: ${formatScore(value)}`)}</title></rect>`,
      );
      parts.push(`<text x="${n(labelWidth + barWidth + 4)}" y="${y + 11}" font-size="11">${formatScore(value)}</text>`);
    });
  });
  series.forEach((s, i) => {
    const y = legendTop + i * 20;
    parts.push(`<rect x="0" y="${y}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`);
    parts.push(`<text x="18" y="${y + 11}" font-size="12">${escapeXml(label(s.name, 80))}</text>`);
  });
  return svg(width, height, title, describe(series, groups), parts);
}

/**
 * One provider's scores on the five core principles as a radar. Principles without a score are
 * labelled "n/a" and left out of the shape rather than drawn as 0.
 */
export function principleRadarChart(values: Record<string, number | null | undefined>, title: string): string {
  // Wide enough for the longest principle name on either side of the chart.
  const width = 600;
  const height = 330;
  const centerX = width / 2;
  const centerY = height / 2;
  const radius = 120;
  const count = CORE_PRINCIPLES.length;
  const point = (index: number, value: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
    return [centerX + Math.cos(angle) * radius * (value / 100), centerY + Math.sin(angle) * radius * (value / 100)];
  };
  const coordinates = (index: number, value: number) => point(index, value).map(n).join(',');
  const parts: string[] = [];
  for (const ring of [25, 50, 75, 100]) {
    const ringPoints = CORE_PRINCIPLES.map((_, i) => coordinates(i, ring)).join(' ');
    parts.push(`<polygon points="${ringPoints}" fill="none" stroke="#c9d0d9"/>`);
  }
  CORE_PRINCIPLES.forEach((_, i) => {
    const [x, y] = point(i, 100);
    parts.push(`<line x1="${centerX}" y1="${centerY}" x2="${n(x)}" y2="${n(y)}" stroke="#c9d0d9"/>`);
  });
  const scored = CORE_PRINCIPLES.map((p, i) => ({ index: i, value: values[p.id] })).filter(
    (entry): entry is { index: number; value: number } => present(entry.value),
  );
  if (scored.length >= 2) {
    const shape = scored.map((entry) => coordinates(entry.index, clamp(entry.value))).join(' ');
    parts.push(`<polygon points="${shape}" fill="#0b4f8a" fill-opacity="0.25" stroke="#0b4f8a" stroke-width="2"/>`);
  }
  for (const entry of scored) {
    const [x, y] = point(entry.index, clamp(entry.value));
    parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="3.5" fill="#0b4f8a"/>`);
  }
  CORE_PRINCIPLES.forEach((p, i) => {
    const [x, y] = point(i, 118);
    const anchor = Math.abs(x - centerX) < 5 ? 'middle' : x > centerX ? 'start' : 'end';
    parts.push(
      `<text x="${n(x)}" y="${n(y)}" font-size="11" text-anchor="${anchor}">${escapeXml(p.name)} ${formatScore(values[p.id])}</text>`,
    );
  });
  const description = CORE_PRINCIPLES.map((p) => `${p.name} ${formatScore(values[p.id])}`).join(', ');
  return svg(width, height, title, description, parts);
}

/** Providers × principles, each cell shaded by score and printed with its value. */
export function heatMap(
  rows: ChartSeries[],
  columns: ReadonlyArray<{ id: string; name: string }>,
  title: string,
): string {
  const labelWidth = 180;
  const cellWidth = 64;
  const cellHeight = 26;
  const headerHeight = 110;
  const width = labelWidth + columns.length * cellWidth + 10;
  const height = headerHeight + rows.length * cellHeight + 10;
  // Red (0) to green (100) at a lightness where black text stays readable; grey for no score.
  const shade = (value: number | null | undefined) =>
    present(value) ? `hsl(${Math.round((clamp(value) / 100) * 120)}, 55%, 80%)` : '#eeeeee';
  const parts: string[] = [];
  columns.forEach((column, c) => {
    const x = labelWidth + c * cellWidth + cellWidth / 2;
    parts.push(
      `<text x="${x}" y="${headerHeight - 6}" font-size="10" transform="rotate(-45 ${x} ${headerHeight - 6})">${escapeXml(label(column.name, 24))}</text>`,
    );
  });
  rows.forEach((row, r) => {
    const y = headerHeight + r * cellHeight;
    parts.push(
      `<text x="0" y="${y + 17}" font-size="12">${escapeXml(label(row.name, 26))}<title>${escapeXml(row.name)}</title></text>`,
    );
    columns.forEach((column, c) => {
      const value = row.values[column.id];
      const x = labelWidth + c * cellWidth;
      parts.push(
        `<rect x="${x}" y="${y}" width="${cellWidth - 2}" height="${cellHeight - 2}" fill="${shade(value)}"/>`,
      );
      parts.push(
        `<text x="${x + cellWidth / 2 - 1}" y="${y + 17}" font-size="11" text-anchor="middle">${formatScore(value)}</text>`,
      );
    });
  });
  return svg(width, height, title, describe(rows, columns), parts);
}

/** Stable ids, distinct per chart, so several charts can share one page. */
function chartId(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) >>> 0;
  return `chart-${hash.toString(36)}`;
}

function svg(width: number, height: number, title: string, description: string, parts: string[]): string {
  const id = chartId(title + description);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${FONT}" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    ...parts,
    '</svg>',
  ].join('');
}
