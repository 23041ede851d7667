import { isInstrumentalPrincipleId, NOT_APPLICABLE, RubricItem } from '@probity/rubric';
import { PANEL_SCALE_MAX, PanelScoreInput } from './panel-scale';

/** Catches a malformed rubric before it produces a plausible-looking but wrong score. */
export function rubricProblems(items: RubricItem[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const badPoints = (points: number) => typeof points !== 'number' || !(points >= 0 && points <= 100);
  for (const item of items) {
    const name = item.questionName;
    if (seen.has(name)) problems.push(`question ${name} appears twice in the rubric`);
    seen.add(name);
    if (!isInstrumentalPrincipleId(item.principle))
      problems.push(`question ${name}: unknown instrumental principle ${String(item.principle)}`);
    if (typeof item.weight !== 'number' || !Number.isFinite(item.weight) || item.weight < 0)
      problems.push(`question ${name}: weight must be a number of 0 or more`);
    const scoring = item.scoring;
    if (scoring.kind === 'numeric-bands' || scoring.kind === 'confusion-matrix') {
      if (scoring.bands.some((band) => badPoints(band.points)))
        problems.push(`question ${name}: band points must be between 0 and 100`);
    } else if (scoring.kind !== 'manual') {
      for (const value in scoring.points) {
        if (badPoints(scoring.points[value])) {
          problems.push(`question ${name}: choice points must be between 0 and 100`);
          break;
        }
      }
    }
  }
  return problems;
}

export function panelProblems(panelScores: Record<string, PanelScoreInput> | undefined): string[] {
  return Object.entries(panelScores ?? {})
    .filter(
      ([, score]) => score !== NOT_APPLICABLE && !(typeof score === 'number' && score >= 0 && score <= PANEL_SCALE_MAX),
    )
    .map(([name, score]) => `panel score for ${name} must be between 0 and ${PANEL_SCALE_MAX} (got ${String(score)})`);
}
