import { evaluationAccess, isPanelScore, mayViewOtherScores, panelScoreToPoints, scoreSpread } from './panel-rules';

describe('evaluation panel rules', () => {
  it('requires a declaration before access and recuses a declared conflict', () => {
    expect(evaluationAccess(null)).toBe('declare-first');
    expect(evaluationAccess({ declared: true, hasConflict: false })).toBe('allowed');
    expect(evaluationAccess({ declared: true, hasConflict: true })).toBe('recused');
  });

  it('accepts only whole scores from 0 to 4 and maps them to points', () => {
    expect([0, 1, 2, 3, 4].every(isPanelScore)).toBe(true);
    expect([-1, 5, 2.5, '3', null].some(isPanelScore)).toBe(false);
    expect(panelScoreToPoints(3)).toBe(75);
  });

  it('computes the spread and flags disagreements of two points or more', () => {
    expect(scoreSpread([])).toBeNull();
    expect(scoreSpread([2, 3, 3])).toEqual({
      scores: [2, 3, 3],
      min: 2,
      max: 3,
      mean: 8 / 3,
      spread: 1,
      largeDisagreement: false,
    });
    expect(scoreSpread([1, 3])?.largeDisagreement).toBe(true);
  });

  it('hides the other evaluators’ scores until one’s own are submitted', () => {
    expect(mayViewOtherScores(false, false)).toBe(false);
    expect(mayViewOtherScores(true, false)).toBe(true);
    expect(mayViewOtherScores(false, true)).toBe(true);
  });
});
