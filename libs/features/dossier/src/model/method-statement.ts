import { CORE_PRINCIPLES, INSTRUMENTAL_PRINCIPLES } from '@probity/rubric';
import { overallUnder } from '@probity/scoring';
import type { AwardRecord } from '../reproducible/award-record';
import { DossierCatalogue, EN } from './catalogue/catalogue';
import { scoringModelStatement } from './scoring-model-statement';

const points = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(2);

/**
 * The method statement: the published method in plain language, with one worked example taken from
 * the real evaluation (the recommended provider's stored score sheet and the case's weights), so a
 * reader can follow every step from an answer to the overall score. Nothing here is a fixed number.
 */
export function methodStatement(award: AwardRecord | undefined, t: DossierCatalogue = EN) {
  if (!award) return null;
  const { method, results } = award;
  const weights = method.criteriaWeights;
  const leader = results.comparison.ranked[0];
  const sheet = results.providers.find((p) => p.providerId === leader?.providerId)?.sheet;
  const knockouts = new Set(
    results.providers.flatMap((p) => p.rules.filter((r) => r.kind === 'knockout').map((r) => r.ruleId)),
  );
  const example =
    leader && sheet
      ? (() => {
          const counted = CORE_PRINCIPLES.filter((p) => sheet.core[p.id] !== null);
          const countedWeight = counted.reduce((sum, p) => sum + weights[p.id], 0);
          const heaviest = [...counted].sort((a, b) => weights[b.id] - weights[a.id])[0];
          const question = sheet.questions
            .filter((q) => q.core === heaviest?.id && q.points !== null)
            .sort((a, b) => b.contribution - a.contribution)[0];
          return {
            provider: leader.name,
            terms: counted.map((p) => ({
              name: p.name,
              weight: weights[p.id],
              score: points(sheet.core[p.id]),
              product: points(((sheet.core[p.id] as number) * weights[p.id]) / countedWeight),
            })),
            countedWeight,
            overall: points(overallUnder(sheet, weights)),
            storedOverall: points(leader.overall),
            heaviest: heaviest
              ? {
                  name: heaviest.name,
                  instrumental: INSTRUMENTAL_PRINCIPLES.filter((p) => p.core === heaviest.id).map((p) => ({
                    name: p.name,
                    score: points(sheet.instrumental[p.id]),
                    weight: sheet.principleWeights[p.id] ?? 1,
                  })),
                }
              : null,
            question: question
              ? {
                  title: question.title,
                  points: points(question.points),
                  source: question.source === 'panel' ? t.method.sourcePanel : t.method.sourceRule,
                  contribution: points(question.contribution),
                }
              : null,
          };
        })()
      : null;
  return {
    criteria: CORE_PRINCIPLES.map((p) => ({ name: p.name, weight: weights[p.id] })),
    priceWeight: method.priceWeight,
    qualityWeight: method.priceWeight === null ? 100 : 100 - method.priceWeight,
    amendments: method.amendments.length,
    knockoutsFired: knockouts.size,
    shift: results.comparison.sensitivity.shift,
    margin: results.comparison.sensitivity.margin,
    example,
    model: scoringModelStatement(award, t),
  };
}
