import { localised } from '@probity/questionnaires';
import type { AwardRecord } from '../reproducible/award-record';
import { modelNumber } from './scoring-model-view';

/**
 * Annex C's part on the questionnaire's own scoring model: the model in plain language and one
 * worked example from the real evaluation (the provider the model puts first, or the first listed
 * under a pass/fail rule): each group's total and maximum, each derived value with its expression,
 * the measured value and the level. Null without a model.
 */
export function scoringModelStatement(award: AwardRecord | undefined) {
  const model = award?.method.questionnaire.scoringModel;
  const ranking = award?.results.comparison.model;
  if (!award || !model || !ranking) return null;
  const first = ranking.ranked[0];
  const outcome = award.results.providers.find((p) => p.providerId === first?.providerId)?.sheet.model;
  const titleOf = (name: string) =>
    localised(model.groups.find((g) => g.name === name)?.title ?? model.values?.find((v) => v.name === name)?.title) ||
    name;
  const band = model.levels?.bands.find((b) => b.name === outcome?.level?.level);
  return {
    direction: model.direction === 'higher-is-riskier' ? 'higher values mean more risk' : 'higher values are better',
    groups: model.groups.map((group) => ({
      title: titleOf(group.name),
      questions: group.questions.length,
      maximum:
        (group.maximum ?? 'all') === 'all'
          ? 'every question of the group counts in its maximum, shown or not'
          : 'only the questions shown to the provider count in its maximum',
    })),
    example:
      first && outcome
        ? {
            provider: first.name,
            groups: outcome.groups.map((group) => ({
              title: titleOf(group.name),
              total: modelNumber(group.total),
              maximum: modelNumber(group.maximum),
              blanks: group.questions.filter((q) => q.status === 'blank').length,
              hidden: group.questions.filter((q) => q.status === 'hidden').length,
            })),
            values: (model.values ?? []).map((value) => {
              const computed = outcome.values.find((v) => v.name === value.name);
              return {
                title: titleOf(value.name),
                expression: value.expression,
                value: modelNumber(computed?.value),
                maximum: computed?.maximum === null ? null : modelNumber(computed?.maximum),
              };
            }),
            level: outcome.level
              ? {
                  of: titleOf(outcome.level.of),
                  measured: `${modelNumber(outcome.level.measured)}${outcome.level.basis === 'percent-of-maximum' ? ' % of its maximum' : ' points'}`,
                  title: band ? localised(band.title) || band.name : 'no level',
                  outcome: outcome.level.pass === null ? '' : outcome.level.pass ? 'passes' : 'fails',
                }
              : null,
            rank: first.rank,
          }
        : null,
  };
}
