import {
  ANNEX_III_LABELS,
  ANNEX_III_POINTS,
  caseScopeOf,
  describeCaseScope,
  REMOTE_BIOMETRIC_MODES,
} from '@probity/questionnaires';

const MODE_LABELS: Record<(typeof REMOTE_BIOMETRIC_MODES)[number], string> = {
  none: 'No remote biometric identification',
  post: 'Post-remote identification (on recorded material, after the event)',
  'real-time': 'Real-time identification',
};

/** The case scope as the officer's form sends it: one checkbox per Annex III point, two radio groups. */
export function scopeFromForm(form: Record<string, string>): Record<string, unknown> {
  return {
    annexIII: ANNEX_III_POINTS.filter((point) => form[`annex_${point}`] === 'yes'),
    remoteBiometricIdentification: form.remoteBiometricIdentification ?? '',
    personalData: form.personalData === 'yes' ? true : form.personalData === 'no' ? false : undefined,
  };
}

/** The scope fields of the new-case form, keeping what the officer entered. */
export function scopeFormFields(form: Record<string, string>) {
  return {
    annexPoints: ANNEX_III_POINTS.map((point) => ({
      name: `annex_${point}`,
      label: ANNEX_III_LABELS[point],
      checked: form[`annex_${point}`] === 'yes',
    })),
    biometricModes: REMOTE_BIOMETRIC_MODES.map((mode) => ({
      value: mode,
      label: MODE_LABELS[mode],
      checked: (form.remoteBiometricIdentification ?? 'none') === mode,
    })),
    personalData: form.personalData ?? 'yes',
  };
}

/** The stored scope in one line; an old case's free-form classification is shown as not set. */
export function scopeDescription(stored: unknown): string {
  const scope = caseScopeOf(stored);
  return scope ? describeCaseScope(scope) : 'Not set on this case';
}
