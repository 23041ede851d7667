import { CASE_STATUSES, checkPanelChange, checkTransition } from './case-lifecycle';

describe('case lifecycle', () => {
  it('follows the procedure step by step, the signing job taking the sign-off step', () => {
    const path = ['draft', 'open', 'closed', 'evaluation', 'dossier_review', 'signed_off', 'awarded'] as const;
    for (let i = 0; i < path.length - 1; i++) {
      const by = path[i + 1] === 'signed_off' ? 'signing-job' : 'staff';
      expect(checkTransition(path[i], path[i + 1], by)).toEqual({ allowed: true });
    }
  });

  it('refuses skipped steps with a reason', () => {
    expect(checkTransition('draft', 'evaluation')).toEqual({
      allowed: false,
      reason: 'Cannot move a draft case to evaluation: evaluation starts after the case has closed for responses.',
    });
    expect(checkTransition('awarded', 'cancelled').allowed).toBe(false);
  });

  it('never lets a person record the sign-off: only the signing job does, once every reviewer approved', () => {
    expect(checkTransition('dossier_review', 'signed_off')).toEqual({
      allowed: false,
      reason:
        'A case is signed off only when every required legal reviewer has approved the current dossier version; Probity then signs it and moves the case on.',
    });
    // The signing job does not skip steps either.
    expect(checkTransition('evaluation', 'signed_off', 'signing-job').allowed).toBe(false);
  });

  it('lets review send a dossier back to evaluation, and allows cancelling until the end', () => {
    expect(checkTransition('dossier_review', 'evaluation').allowed).toBe(true);
    const cancellable = CASE_STATUSES.filter((status) => checkTransition(status, 'cancelled').allowed);
    expect(cancellable).toEqual(['draft', 'open', 'closed', 'evaluation', 'dossier_review', 'signed_off']);
  });

  it('freezes the panel once the dossier is signed off and keeps a legal reviewer while it is in review', () => {
    expect(checkPanelChange('evaluation', 0)).toEqual({ allowed: true });
    expect(checkPanelChange('dossier_review', 1)).toEqual({ allowed: true });
    expect(checkPanelChange('dossier_review', 0).allowed).toBe(false);
    for (const signed of ['signed_off', 'awarded'] as const)
      expect(checkPanelChange(signed, 2)).toEqual({
        allowed: false,
        reason: 'The dossier of this case is signed off: its panel can no longer change.',
      });
  });
});
