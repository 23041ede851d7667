import type { DossierInput } from '../model/dossier-input';
import { scoringModelView } from '../model/scoring-model-view';

/**
 * The questionnaire's own scoring model in OCDS terms: the award criteria text states the model
 * (values, direction, levels, ranking rule), without a principle mapping the lot's criteria are the
 * model's groups, and the bid statistics count the bids at each level. Per-bid values stay in the
 * dossier, as principle scores do. Undefined without a model.
 */
export function ocdsScoringModel(input: DossierInput, lotId: string) {
  const model = input.scoringModel;
  const view = scoringModelView(input);
  if (!model || !view) return undefined;
  const levels = view.levels.map((level) => `${level.title}: ${level.range} (${level.outcome})`).join('; ');
  const expressions = model.columns
    .filter((column) => column.expression)
    .map((column) => `${column.title} = ${column.expression}`)
    .join('; ');
  return {
    awardCriteriaDetails: [
      'Rated on a published questionnaire with its own scoring model.',
      `Values: ${model.columns.map((column) => column.title).join(', ')}.`,
      expressions ? `Derived: ${expressions}.` : '',
      view.direction,
      view.rule,
      levels ? `Levels of ${view.levelsOf}: ${levels}.` : '',
      'Knock-out rules exclude a tender.',
    ]
      .filter(Boolean)
      .join(' '),
    criteria: model.principlesMapped
      ? undefined
      : model.columns.flatMap((column) =>
          column.group
            ? [
                {
                  type: 'quality',
                  name: column.title,
                  description:
                    column.group.maximumCounts === 'all'
                      ? 'Total of the points of the questions in this group, as published, out of the maximum.'
                      : 'Total of the points of the questions in this group, as published; a bid’s maximum counts only the questions shown to it.',
                  // The group's full scale: every question at its highest points.
                  numbers: [{ number: column.group.fullMaximum, weight: 'pointsExact' }],
                },
              ]
            : [],
        ),
    statistics: (model.levels?.bands ?? []).map((band) => ({
      id: `level-${band.name}`,
      measure: 'bidsAtLevel',
      value: model.rows.filter((row) => !row.excluded && row.level === band.name).length,
      notes: `Bids at ${band.title} (${band.pass ? 'passes' : 'fails'})`,
      relatedLot: lotId,
    })),
  };
}
