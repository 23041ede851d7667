import { failureSentence } from './job-failure';

describe('failureSentence', () => {
  it.each([
    [
      'Error: case 12 has no frozen questionnaire\n    at Scorer.score (scorer.ts:10)',
      'Case 12 has no frozen questionnaire.',
    ],
    ['TypeError: cannot read the evidence', 'Cannot read the evidence.'],
    ['the mail server said no!', 'The mail server said no!'],
    ['', 'It failed without giving a reason.'],
    [
      'job stalled more than allowable limit',
      'The worker stopped while running it (a crash or restart) too many times.',
    ],
    [
      'Job evaluation.start has an invalid payload: caseId Invalid UUID',
      'Its data does not match what the job expects, so it was not tried again.',
    ],
    ['connect ECONNREFUSED 127.0.0.1:25', 'A service it needs (mail, database or storage) could not be reached.'],
  ])('%j reads as %j', (reason, sentence) => {
    expect(failureSentence(reason)).toBe(sentence);
  });

  it('clips a very long reason to one readable sentence', () => {
    const sentence = failureSentence(`x${'y'.repeat(1000)}`);
    expect(sentence.length).toBeLessThanOrEqual(300);
    expect(sentence.startsWith('Xyyy')).toBe(true);
    expect(sentence.endsWith('…')).toBe(true);
  });
});
