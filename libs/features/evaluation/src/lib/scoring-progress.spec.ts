import { scoringProgress } from './scoring-progress';

describe('scoringProgress', () => {
  const ids = ['r1', 'r2', 'r3', 'r4', 'r5'];

  it('counts scored responses while scoring is under way', () => {
    expect(
      scoringProgress({ caseStatus: 'evaluation', submittedResponseIds: ids, scored: 3, comparedProviderIds: null }),
    ).toEqual({ submitted: 5, scored: 3, comparison: 'pending', done: false, message: 'Scoring 3/5 responses.' });
  });

  it('is ready only when the comparison covers every submitted response and all are scored', () => {
    const ready = scoringProgress({
      caseStatus: 'evaluation',
      submittedResponseIds: ids,
      scored: 5,
      comparedProviderIds: [...ids].reverse(),
    });
    expect(ready).toMatchObject({ comparison: 'ready', done: true, message: 'All 5 responses scored and compared.' });

    const partial = scoringProgress({
      caseStatus: 'evaluation',
      submittedResponseIds: ids,
      scored: 5,
      comparedProviderIds: ['r1', 'r2', 'r3', 'r4', 'other'],
    });
    expect(partial).toMatchObject({ comparison: 'pending', done: false, message: expect.stringMatching(/comparing/) });
  });

  it('has not started before evaluation and stops waiting once the case is cancelled', () => {
    expect(
      scoringProgress({ caseStatus: 'open', submittedResponseIds: ids, scored: 5, comparedProviderIds: null }),
    ).toMatchObject({
      comparison: 'not_started',
      done: false,
      message: expect.stringMatching(/when evaluation starts/),
    });
    expect(
      scoringProgress({ caseStatus: 'cancelled', submittedResponseIds: ids, scored: 2, comparedProviderIds: null }),
    ).toMatchObject({ comparison: 'not_started', done: true });
  });

  it('never reports more scored than submitted, and says when nothing was submitted', () => {
    expect(
      scoringProgress({ caseStatus: 'open', submittedResponseIds: ['r1'], scored: 2, comparedProviderIds: null }),
    ).toMatchObject({
      submitted: 1,
      scored: 1,
      message: '1 response scored; the comparison runs when evaluation starts.',
    });
    expect(
      scoringProgress({ caseStatus: 'open', submittedResponseIds: [], scored: 0, comparedProviderIds: null }).message,
    ).toBe('No responses submitted yet.');
    expect(
      scoringProgress({ caseStatus: 'evaluation', submittedResponseIds: [], scored: 0, comparedProviderIds: [] }),
    ).toMatchObject({ comparison: 'ready', done: true, message: 'No responses were submitted: nothing to compare.' });
  });
});
