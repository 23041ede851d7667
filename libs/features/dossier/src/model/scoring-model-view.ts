import { DossierCatalogue, EN, fill } from './catalogue/catalogue';
import type { DossierInput, DossierScoringModel } from './dossier-input';

/** Raw model points print as they are (up to two decimals), not as 0–100 scores. */
export const modelNumber = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : String(Math.round(value * 100) / 100);

function ruleText(model: DossierScoringModel, t: DossierCatalogue['model']): string {
  const riskier = model.direction === 'higher-is-riskier';
  const titleOf = (name: string | undefined) => model.columns.find((c) => c.name === name)?.title ?? name ?? '';
  switch (model.ranking.by) {
    case 'value':
      return fill(riskier ? t.rankByValueRiskier : t.rankByValue, { value: titleOf(model.ranking.value) });
    case 'level':
      return riskier ? t.rankByLevelRiskier : t.rankByLevel;
    case 'none':
      return t.notRanked;
  }
}

function bandRange(band: { from: number | null; to: number | null }, percent: boolean, t: DossierCatalogue['model']) {
  if (band.from === null) return fill(percent ? t.belowPercent : t.belowPoints, band);
  if (band.to === null) return fill(percent ? t.fromPercent : t.fromPoints, band);
  return fill(percent ? t.betweenPercent : t.betweenPoints, band);
}

/** The model section of the comparison chapter, with every number formatted as printed. */
export function scoringModelView(input: DossierInput, { model: t }: DossierCatalogue = EN) {
  const model = input.scoringModel;
  if (!model) return null;
  const nameOf = new Map(input.providers.map((p) => [p.id, p.name]));
  const percent = model.levels?.basis === 'percent-of-maximum';
  const levelTitle = (name: string | null) =>
    name === null ? t.noLevel : (model.levels?.bands.find((b) => b.name === name)?.title ?? name);
  return {
    direction: model.direction === 'higher-is-riskier' ? t.riskier : t.better,
    rule: ruleText(model, t),
    principlesNote: model.principlesMapped ? null : t.notMapped,
    columns: model.columns,
    levels: (model.levels?.bands ?? []).map((band) => ({
      title: band.title,
      range: bandRange(band, percent, t),
      outcome: band.pass ? t.passes : t.fails,
    })),
    levelsOf: model.columns.find((c) => c.name === model.levels?.of)?.title ?? null,
    rows: model.rows.map((row) => ({
      rank: row.rank ?? '—',
      name: nameOf.get(row.providerId) ?? row.providerId,
      values: row.values.map((v) =>
        v.maximum === null
          ? modelNumber(v.value)
          : fill(t.valueOf, { value: modelNumber(v.value), maximum: modelNumber(v.maximum) }),
      ),
      measured: `${modelNumber(row.measured)}${percent && row.measured !== null ? ' %' : ''}`,
      level: levelTitle(row.level),
      outcome: row.excluded ? t.excluded : row.pass === null ? '—' : row.pass ? t.passes : t.fails,
    })),
  };
}

/** A provider's line under the model, for its chapter; null without a model. */
export function providerModelLine(input: DossierInput, providerId: string, t: DossierCatalogue = EN): string | null {
  const view = scoringModelView(input, t);
  const model = input.scoringModel;
  const index = model?.rows.findIndex((row) => row.providerId === providerId) ?? -1;
  if (!view || !model || index < 0) return null;
  const row = view.rows[index];
  const values = model.columns.map((column, i) => `${column.title} ${row.values[i]}`).join(' · ');
  const line = model.rows[index].rank ? t.model.providerLineRanked : t.model.providerLine;
  return fill(line, { level: row.level, outcome: row.outcome, rank: row.rank, values });
}
