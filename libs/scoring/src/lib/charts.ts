import { CORE_PRINCIPLES } from '@probity/rubric';

const PALETTE = ['#0b4f8a', '#b35900', '#1e6b34', '#7a1f8f', '#a8071a', '#005f66', '#5c4a00', '#333f99'];

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string,
  );
}

const format = (value: number | null) => (value === null ? 'n/a' : value.toFixed(0));

export interface ChartSeries {
  name: string;
  values: Record<string, number | null>;
}

/**
 * Grouped bars: one group per core principle, one bar per provider, value printed on each bar so
 * colour is never the only carrier of meaning. Provider names are untrusted and escaped.
 */
export function principleBarChart(series: ChartSeries[], title: string): string {
  const groups = CORE_PRINCIPLES;
  const width = 720;
  const rowHeight = Math.max(14, 18 * series.length) + 22;
  const labelWidth = 190;
  const plotWidth = width - labelWidth - 50;
  const legendHeight = 20 * series.length + 10;
  const height = groups.length * rowHeight + legendHeight + 30;
  const parts: string[] = [];
  groups.forEach((group, g) => {
    const top = 20 + g * rowHeight;
    parts.push(`<text x="0" y="${top + 14}" font-size="12" font-weight="600">${escapeXml(group.name)}</text>`);
    series.forEach((s, i) => {
      const value = s.values[group.id] ?? null;
      const y = top + 20 + i * 18;
      const barWidth = value === null ? 0 : (value / 100) * plotWidth;
      parts.push(
        `<rect x="${labelWidth}" y="${y - 12}" width="${barWidth.toFixed(1)}" height="14" fill="${PALETTE[i % PALETTE.length]}"/>`,
      );
      parts.push(`<text x="${(labelWidth + barWidth + 4).toFixed(1)}" y="${y}" font-size="11">${format(value)}</text>`);
    });
  });
  const legendTop = 20 + groups.length * rowHeight;
  series.forEach((s, i) => {
    parts.push(`<rect x="0" y="${legendTop + i * 20}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`);
    parts.push(`<text x="18" y="${legendTop + i * 20 + 11}" font-size="12">${escapeXml(s.name)}</text>`);
  });
  const description = series
    .map((s) => `${s.name}: ${groups.map((g) => `${g.name} ${format(s.values[g.id] ?? null)}`).join(', ')}`)
    .join('. ');
  return svg(width, height, title, description, parts);
}

/** One provider's scores on the five core principles as a radar (spider) chart. */
export function principleRadarChart(values: Record<string, number | null>, title: string): string {
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
  const parts: string[] = [];
  for (const ring of [25, 50, 75, 100]) {
    const ringPoints = CORE_PRINCIPLES.map((_, i) =>
      point(i, ring)
        .map((n) => n.toFixed(1))
        .join(','),
    ).join(' ');
    parts.push(`<polygon points="${ringPoints}" fill="none" stroke="#c9d0d9"/>`);
  }
  const shape = CORE_PRINCIPLES.map((p, i) =>
    point(i, values[p.id] ?? 0)
      .map((n) => n.toFixed(1))
      .join(','),
  ).join(' ');
  parts.push(`<polygon points="${shape}" fill="#0b4f8a" fill-opacity="0.25" stroke="#0b4f8a" stroke-width="2"/>`);
  CORE_PRINCIPLES.forEach((p, i) => {
    const [x, y] = point(i, 118);
    const anchor = Math.abs(x - centerX) < 5 ? 'middle' : x > centerX ? 'start' : 'end';
    parts.push(
      `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="11" text-anchor="${anchor}">${escapeXml(p.name)} ${format(values[p.id] ?? null)}</text>`,
    );
  });
  const description = CORE_PRINCIPLES.map((p) => `${p.name} ${format(values[p.id] ?? null)}`).join(', ');
  return svg(width, height, title, description, parts);
}

/** Providers × principles, each cell shaded by score and printed with its value. */
export function heatMap(rows: ChartSeries[], columns: Array<{ id: string; name: string }>, title: string): string {
  const labelWidth = 180;
  const cellWidth = 64;
  const cellHeight = 26;
  const headerHeight = 110;
  const width = labelWidth + columns.length * cellWidth + 10;
  const height = headerHeight + rows.length * cellHeight + 10;
  const shade = (value: number | null) =>
    value === null ? '#eeeeee' : `hsl(${Math.round((value / 100) * 120)}, 55%, ${value < 50 ? 80 : 78}%)`;
  const parts: string[] = [];
  columns.forEach((column, c) => {
    const x = labelWidth + c * cellWidth + cellWidth / 2;
    parts.push(
      `<text x="${x}" y="${headerHeight - 6}" font-size="10" transform="rotate(-45 ${x} ${headerHeight - 6})">${escapeXml(column.name)}</text>`,
    );
  });
  rows.forEach((row, r) => {
    const y = headerHeight + r * cellHeight;
    parts.push(`<text x="0" y="${y + 17}" font-size="12">${escapeXml(row.name)}</text>`);
    columns.forEach((column, c) => {
      const value = row.values[column.id] ?? null;
      const x = labelWidth + c * cellWidth;
      parts.push(
        `<rect x="${x}" y="${y}" width="${cellWidth - 2}" height="${cellHeight - 2}" fill="${shade(value)}"/>`,
      );
      parts.push(
        `<text x="${x + cellWidth / 2 - 1}" y="${y + 17}" font-size="11" text-anchor="middle">${format(value)}</text>`,
      );
    });
  });
  const description = rows
    .map((row) => `${row.name}: ${columns.map((c) => `${c.name} ${format(row.values[c.id] ?? null)}`).join(', ')}`)
    .join('. ');
  return svg(width, height, title, description, parts);
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
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Noto Sans, DejaVu Sans, sans-serif" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    ...parts,
    '</svg>',
  ].join('');
}
