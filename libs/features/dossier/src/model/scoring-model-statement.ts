import { localised } from '@probity/questionnaires';
import type { AwardRecord } from '../reproducible/award-record';
import { DossierCatalogue, EN, fill } from './catalogue/catalogue';
import { modelNumber } from './scoring-model-view';

/**
 * Annex C's part on the questionnaire's own scoring model: the model in plain language and one
 * worked example from the real evaluation (the provider the model puts first, or the first listed
 * under a pass/fail rule): each group's total and maximum, each derived value with its expression,
 * the measured value and the level. Null without a model.
 */
export function scoringModelStatement(award: AwardRecord | undefined, { model: t }: DossierCatalogue = EN) {
  const model = award?.method.questionnaire.scoringModel;
  const ranking = award?.results.comparison.model;
  if (!award || !model || !ranking) return null;
  const first = ranking.ranked[0];
  const outcome = award.results.providers.find((p) => p.providerId === first?.providerId)?.sheet.model;
  const titleOf = (name: string) =>
    localised(model.groups.find((g) => g.name === name)?.title ?? model.values?.find((v) => v.name === name)?.title) ||
    name;
  const band = model.levels?.bands.find((b) => b.name === outcome?.level?.level);
  const groups = model.groups.map((group) =>
    fill(t.group, {
      title: titleOf(group.name),
      questions: group.questions.length,
      maximum: (group.maximum ?? 'all') === 'all' ? t.maximumAll : t.maximumShown,
    }),
  );
  const direction = model.direction === 'higher-is-riskier' ? t.statementRiskier : t.statementBetter;
  return {
    // The paragraph on the model, its groups listed in it.
    text: fill(t.statement, { direction, groups: groups.join('; ') }),
    example:
      first && outcome
        ? {
            provider: first.name,
            groups: outcome.groups.map((group) => {
              const blanks = group.questions.filter((q) => q.status === 'blank').length;
              const hidden = group.questions.filter((q) => q.status === 'hidden').length;
              const total = fill(t.exampleGroup, {
                title: titleOf(group.name),
                total: modelNumber(group.total),
                maximum: modelNumber(group.maximum),
              });
              const notes = [
                blanks ? fill(t.blanks, { count: blanks }) : '',
                hidden ? fill(t.hidden, { count: hidden }) : '',
              ];
              return [total, ...notes.filter(Boolean)].join(' ') + '.';
            }),
            values: (model.values ?? []).map((value) => {
              const computed = outcome.values.find((v) => v.name === value.name);
              return {
                title: titleOf(value.name),
                expression: value.expression,
                value: modelNumber(computed?.value),
                maximum: computed?.maximum === null ? null : modelNumber(computed?.maximum),
              };
            }),
            // "Risk score measures 2.7 points: Level I, which passes."
            level: outcome.level
              ? fill(outcome.level.pass === null ? t.level : outcome.level.pass ? t.levelPasses : t.levelFails, {
                  of: titleOf(outcome.level.of),
                  measured: fill(outcome.level.basis === 'percent-of-maximum' ? t.measuredPercent : t.measuredPoints, {
                    value: modelNumber(outcome.level.measured),
                  }),
                  level: band ? localised(band.title) || band.name : t.noLevel,
                })
              : null,
            rank: first.rank,
          }
        : null,
  };
}
