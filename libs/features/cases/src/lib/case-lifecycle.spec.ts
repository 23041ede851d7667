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
    for (const signed of ['signed_off', 'awarded', 'in_use'] as const)
      expect(checkPanelChange(signed, 2)).toEqual({
        allowed: false,
        reason: 'The dossier of this case is signed off: its panel can no longer change.',
      });
  });

  it('puts an awarded system into use only through the readiness check, never as a plain step', () => {
    expect(checkTransition('awarded', 'in_use', 'readiness-check')).toEqual({ allowed: true });
    expect(checkTransition('awarded', 'in_use')).toEqual({
      allowed: false,
      reason:
        'The system is put into use from the case’s readiness page, once every mandatory readiness item is closed.',
    });
    expect(checkTransition('awarded', 'in_use', 'signing-job').allowed).toBe(false);
    // Award comes first: the readiness check does not skip steps, and cannot sign off either.
    expect(checkTransition('signed_off', 'in_use', 'readiness-check')).toEqual({
      allowed: false,
      reason: 'Cannot move a signed off case to in use: a system is put into use only after the award.',
    });
    expect(checkTransition('dossier_review', 'signed_off', 'readiness-check').allowed).toBe(false);
    expect(checkTransition('in_use', 'cancelled').allowed).toBe(false);
  });
});
