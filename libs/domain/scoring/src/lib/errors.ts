/**
 * Input the scorer cannot score honestly (a malformed rubric, weights that do not add up, a panel
 * score off the published scale). Callers turn it into a 4xx or a job that fails without retrying:
 * the same input would fail again.
 */
export class ScoringInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ScoringInputError';
  }
}
