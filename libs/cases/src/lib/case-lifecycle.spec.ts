import { CASE_STATUSES, checkTransition } from './case-lifecycle';

describe('case lifecycle', () => {
  it('follows the procedure step by step', () => {
    const path = ['draft', 'open', 'closed', 'evaluation', 'dossier_review', 'signed_off', 'awarded'] as const;
    for (let i = 0; i < path.length - 1; i++) expect(checkTransition(path[i], path[i + 1])).toEqual({ allowed: true });
  });

  it('refuses skipped steps with a reason', () => {
    expect(checkTransition('draft', 'evaluation')).toEqual({
      allowed: false,
      reason: 'Cannot move a draft case to evaluation: evaluation starts after the case has closed for responses.',
    });
    expect(checkTransition('awarded', 'cancelled').allowed).toBe(false);
  });

  it('lets review send a dossier back to evaluation, and allows cancelling until the end', () => {
    expect(checkTransition('dossier_review', 'evaluation').allowed).toBe(true);
    const cancellable = CASE_STATUSES.filter((status) => checkTransition(status, 'cancelled').allowed);
    expect(cancellable).toEqual(['draft', 'open', 'closed', 'evaluation', 'dossier_review', 'signed_off']);
  });
});
