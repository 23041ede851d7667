import { localised, pointScaleOf, QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import { isInstrumentalPrincipleId, ScoringModelOutcome } from '@probity/rubric';
import type { Comparison } from '@probity/scoring';
import type { DossierScoringModel } from '../model/dossier-input';

/**
 * The dossier's view of the questionnaire's own scoring model: its published definition (columns,
 * levels, direction, ranking rule) and every provider's stored values and level, in the model's
 * ranking order. Undefined for a questionnaire without a model.
 */
export function dossierScoringModel(
  definition: QuestionnaireDefinition,
  providers: Array<{ id: string; sheet: { model?: ScoringModelOutcome } }>,
  comparison: Pick<Comparison, 'model'>,
): DossierScoringModel | undefined {
  const model = definition.scoringModel;
  const ranking = comparison.model;
  if (!model || !ranking) return undefined;
  const questions = new Map(questionsOf(definition).map(({ question }) => [question.name, question]));
  const fullMaximum = (names: string[]) =>
    names.reduce((total, name) => {
      const question = questions.get(name);
      return total + (question ? (question.weight ?? 1) * (pointScaleOf(question)?.highest ?? 0) : 0);
    }, 0);
  const columns: DossierScoringModel['columns'] = [
    ...model.groups.map((group) => ({
      name: group.name,
      title: localised(group.title) || group.name,
      group: { fullMaximum: fullMaximum(group.questions), maximumCounts: group.maximum ?? 'all' },
    })),
    ...(model.values ?? []).map((value) => ({
      name: value.name,
      title: localised(value.title) || value.name,
      expression: value.expression,
    })),
  ];
  const outcomeOf = new Map(providers.map((provider) => [provider.id, provider.sheet.model]));
  const rowOf = (providerId: string, rank: number | null, excluded: boolean) => {
    const outcome = outcomeOf.get(providerId);
    return {
      providerId,
      rank,
      values: columns.map((column) => {
        const found = outcome?.values.find((value) => value.name === column.name);
        return { value: found?.value ?? null, maximum: found?.maximum ?? null };
      }),
      measured: outcome?.level?.measured ?? null,
      level: outcome?.level?.level ?? null,
      pass: outcome?.level?.pass ?? null,
      excluded,
    };
  };
  return {
    direction: model.direction,
    ranking: ranking.rule,
    principlesMapped: [...questions.values()].some((question) => isInstrumentalPrincipleId(question.principle)),
    columns,
    levels: model.levels
      ? {
          of: model.levels.of,
          basis: model.levels.basis,
          bands: model.levels.bands.map((band) => ({
            name: band.name,
            title: localised(band.title) || band.name,
            from: band.from ?? null,
            to: band.to ?? null,
            pass: band.pass !== false,
          })),
        }
      : null,
    rows: [
      ...ranking.ranked.map((provider) => rowOf(provider.providerId, provider.rank, false)),
      ...ranking.unplaced.map((provider) => rowOf(provider.providerId, null, false)),
      ...ranking.disqualified.map((providerId) => rowOf(providerId, null, true)),
    ],
  };
}
