import type { DossierInput, DossierScoringModel } from './dossier-input';

/** Raw model points print as they are (up to two decimals), not as 0–100 scores. */
export const modelNumber = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : String(Math.round(value * 100) / 100);

export const NOT_MAPPED =
  'Not mapped: this questionnaire scores with its own model and maps no question to a Toolkit principle.';

function ruleText(model: DossierScoringModel): string {
  const sense = model.direction === 'higher-is-riskier' ? 'lowest first (higher means more risk)' : 'highest first';
  const titleOf = (name: string | undefined) => model.columns.find((c) => c.name === name)?.title ?? name ?? '';
  switch (model.ranking.by) {
    case 'value':
      return `Ranked by ${titleOf(model.ranking.value)}, ${sense}; equal values share a rank.`;
    case 'level':
      return `Ranked by level, the ${model.direction === 'higher-is-riskier' ? 'lowest' : 'highest'} level first; providers at the same level share a rank.`;
    case 'none':
      return 'Not ranked: each provider passes or fails by its level.';
  }
}

function bandRange(band: { from: number | null; to: number | null }, percent: boolean): string {
  const unit = percent ? ' % of the maximum' : ' points';
  if (band.from === null) return `below ${band.to}${unit}`;
  if (band.to === null) return `${band.from}${unit} or more`;
  return `${band.from} to under ${band.to}${unit}`;
}

/** The model section of the comparison chapter, with every number formatted as printed. */
export function scoringModelView(input: DossierInput) {
  const model = input.scoringModel;
  if (!model) return null;
  const nameOf = new Map(input.providers.map((p) => [p.id, p.name]));
  const percent = model.levels?.basis === 'percent-of-maximum';
  const levelTitle = (name: string | null) =>
    name === null ? 'no level' : (model.levels?.bands.find((b) => b.name === name)?.title ?? name);
  return {
    direction: model.direction === 'higher-is-riskier' ? 'Higher values mean more risk.' : 'Higher values are better.',
    rule: ruleText(model),
    principlesNote: model.principlesMapped ? null : NOT_MAPPED,
    columns: model.columns,
    levels: (model.levels?.bands ?? []).map((band) => ({
      title: band.title,
      range: bandRange(band, percent),
      outcome: band.pass ? 'passes' : 'fails',
    })),
    levelsOf: model.columns.find((c) => c.name === model.levels?.of)?.title ?? null,
    rows: model.rows.map((row) => ({
      rank: row.rank ?? '—',
      name: nameOf.get(row.providerId) ?? row.providerId,
      values: row.values.map((v) =>
        v.maximum === null ? modelNumber(v.value) : `${modelNumber(v.value)} of ${modelNumber(v.maximum)}`,
      ),
      measured: `${modelNumber(row.measured)}${percent && row.measured !== null ? ' %' : ''}`,
      level: levelTitle(row.level),
      outcome: row.excluded ? 'excluded by a knock-out rule' : row.pass === null ? '—' : row.pass ? 'passes' : 'fails',
    })),
  };
}

/** A provider's line under the model, for its chapter; null without a model. */
export function providerModelLine(input: DossierInput, providerId: string): string | null {
  const view = scoringModelView(input);
  const model = input.scoringModel;
  const index = model?.rows.findIndex((row) => row.providerId === providerId) ?? -1;
  if (!view || !model || index < 0) return null;
  const row = view.rows[index];
  const values = model.columns.map((column, i) => `${column.title} ${row.values[i]}`).join(' · ');
  return `Scoring model: ${row.level} (${row.outcome})${model.rows[index].rank ? `, rank ${row.rank}` : ''} · ${values}`;
}
