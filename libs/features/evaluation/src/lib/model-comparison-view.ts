import { localised, QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import { isInstrumentalPrincipleId } from '@probity/rubric';
import type { ModelRanking } from '@probity/scoring';

/** Raw model points as printed: up to two decimals, not a 0–100 score. */
const points = (value: number | null) => (value === null ? 'n/a' : String(Math.round(value * 100) / 100));

/**
 * The comparison page's section on the questionnaire's own scoring model: its rule and direction,
 * and each provider's values, level and pass/fail in the model's ranking order. Null without a model.
 */
export function modelComparisonView(ranking: ModelRanking | undefined, definition: QuestionnaireDefinition) {
  const model = definition.scoringModel;
  if (!ranking || !model) return null;
  const titles = new Map<string, string>([
    ...model.groups.map((g) => [g.name, localised(g.title) || g.name] as const),
    ...(model.values ?? []).map((v) => [v.name, localised(v.title) || v.name] as const),
  ]);
  const bandTitle = new Map((model.levels?.bands ?? []).map((b) => [b.name, localised(b.title) || b.name]));
  const rankedBy = ranking.rule.by === 'value' ? titles.get(ranking.rule.value) : undefined;
  const riskier = ranking.direction === 'higher-is-riskier';
  const rule =
    ranking.rule.by === 'value'
      ? `Ranked by ${rankedBy}, ${riskier ? 'lowest first: higher means more risk' : 'highest first'}.`
      : ranking.rule.by === 'level'
        ? `Ranked by level, the ${riskier ? 'lowest' : 'highest'} level first.`
        : 'Not ranked: each provider passes or fails by its level.';
  const columns = [...titles.keys()];
  const row = (provider: ModelRanking['ranked'][number]) => ({
    rank: provider.rank ?? '—',
    name: provider.name,
    values: columns.map((name) => {
      const found = provider.values.find((v) => v.name === name);
      if (!found) return 'n/a';
      return found.maximum === null ? points(found.value) : `${points(found.value)} of ${points(found.maximum)}`;
    }),
    level: provider.level === null ? 'no level' : (bandTitle.get(provider.level) ?? provider.level),
    outcome: provider.pass === null ? '—' : provider.pass ? 'passes' : 'fails',
  });
  return {
    rule,
    columns: columns.map((name) => titles.get(name) as string),
    rows: [...ranking.ranked, ...ranking.unplaced].map(row),
    principlesMapped: questionsOf(definition).some(({ question }) => isInstrumentalPrincipleId(question.principle)),
  };
}
