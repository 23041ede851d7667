import type { Answers, QuestionnaireDefinition } from './definition';

/**
 * The scope of a procurement case, set by the agency's officer at case set-up: which AI Act
 * Annex III points the intended use falls under, whether it involves remote biometric
 * identification and in which mode, and whether personal data is processed. Scope belongs to the
 * agency, not to providers: it decides which questions apply, identically for every provider.
 */
export const ANNEX_III_POINTS = ['1a', '1b', '1c', '6a', '6b', '6c', '6d', '6e', '7', '8'] as const;
export type AnnexIIIPoint = (typeof ANNEX_III_POINTS)[number];

export const REMOTE_BIOMETRIC_MODES = ['none', 'post', 'real-time'] as const;
export type RemoteBiometricMode = (typeof REMOTE_BIOMETRIC_MODES)[number];

export type CaseScope = {
  /** The Annex III points the intended use falls under; empty when the system is not high-risk. */
  annexIII: AnnexIIIPoint[];
  /** Remote biometric identification (Annex III 1(a)): none, after the event, or in real time. */
  remoteBiometricIdentification: RemoteBiometricMode;
  personalData: boolean;
};

export const ANNEX_III_LABELS: Record<AnnexIIIPoint, string> = {
  '1a': 'Annex III 1(a): remote biometric identification',
  '1b': 'Annex III 1(b): biometric categorisation by sensitive or protected attributes',
  '1c': 'Annex III 1(c): emotion recognition',
  '6a': 'Annex III 6(a): risk of a person becoming a victim of crime',
  '6b': 'Annex III 6(b): polygraphs and similar tools',
  '6c': 'Annex III 6(c): reliability of evidence',
  '6d': 'Annex III 6(d): risk of offending or re-offending, personality traits or past criminal behaviour',
  '6e': 'Annex III 6(e): profiling in the detection, investigation or prosecution of crime',
  '7': 'Annex III 7: migration, asylum and border control',
  '8': 'Annex III 8: administration of justice and democratic processes',
};

/**
 * The variables a questionnaire's expressions read the case scope from. Their names are reserved
 * (the `case_` prefix): no question may take them, and a provider's answer by that name is ignored.
 */
export const CASE_SCOPE_VARIABLES = ['case_annex_iii', 'case_high_risk', 'case_rbi', 'case_personal_data'] as const;
export const RESERVED_PREFIX = 'case_';

export const isReservedName = (name: string): boolean => name.startsWith(RESERVED_PREFIX);

/** Problems with a scope as an officer entered it; empty when it is valid. */
export function checkCaseScope(input: unknown): string[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return ['the AI Act scope must be an object with annexIII, remoteBiometricIdentification and personalData'];
  const candidate = input as Record<string, unknown>;
  const problems: string[] = [];
  const points = candidate['annexIII'];
  if (!Array.isArray(points)) {
    problems.push('annexIII must be a list of Annex III points (empty when the system is not high-risk)');
  } else {
    const unknown = points.filter((point) => !(ANNEX_III_POINTS as readonly unknown[]).includes(point));
    if (unknown.length)
      problems.push(
        `annexIII: ${unknown.map((point) => JSON.stringify(point)).join(', ')} is not one of ${ANNEX_III_POINTS.join(', ')}`,
      );
    if (new Set(points).size !== points.length) problems.push('annexIII names a point twice');
  }
  const mode = candidate['remoteBiometricIdentification'];
  if (!(REMOTE_BIOMETRIC_MODES as readonly unknown[]).includes(mode))
    problems.push(`remoteBiometricIdentification must be one of ${REMOTE_BIOMETRIC_MODES.join(', ')}`);
  else if (Array.isArray(points)) {
    // Remote biometric identification is Annex III 1(a), and 1(a) is nothing else.
    const listsRbi = points.includes('1a');
    if (mode !== 'none' && !listsRbi)
      problems.push('remote biometric identification is Annex III 1(a): include 1a in annexIII');
    if (mode === 'none' && listsRbi)
      problems.push('Annex III 1(a) is remote biometric identification: say whether it runs in real time or post');
  }
  if (typeof candidate['personalData'] !== 'boolean') problems.push('personalData must be true or false');
  return problems;
}

/** A stored scope, or undefined when the value is not a valid scope (for example an old case's). */
export function caseScopeOf(value: unknown): CaseScope | undefined {
  if (checkCaseScope(value).length) return undefined;
  const candidate = value as CaseScope;
  return {
    annexIII: ANNEX_III_POINTS.filter((point) => candidate.annexIII.includes(point)),
    remoteBiometricIdentification: candidate.remoteBiometricIdentification,
    personalData: candidate.personalData,
  };
}

export function isHighRisk(scope: CaseScope): boolean {
  return scope.annexIII.length > 0;
}

/** The scope in one line, for pages and the dossier. */
export function describeCaseScope(scope: CaseScope): string {
  if (!isHighRisk(scope)) return 'Not high-risk (no Annex III point applies)';
  const mode =
    scope.remoteBiometricIdentification === 'none'
      ? ''
      : ` (${scope.remoteBiometricIdentification === 'post' ? 'post-remote' : 'real-time'} identification)`;
  return scope.annexIII.map((point) => ANNEX_III_LABELS[point] + (point === '1a' ? mode : '')).join('; ');
}

/** The values a case scope gives the expression variables. */
export function caseScopeVariables(scope: CaseScope): Answers {
  return {
    case_annex_iii: [...scope.annexIII],
    case_high_risk: isHighRisk(scope),
    case_rbi: scope.remoteBiometricIdentification,
    case_personal_data: scope.personalData,
  };
}

/**
 * A case's copy of a questionnaire with its scope fixed inside it, so the copy (and its content hash)
 * states which questions apply, and every use of the engine on it applies the same scope.
 */
export function scopeQuestionnaire(definition: QuestionnaireDefinition, scope: CaseScope): QuestionnaireDefinition {
  return { ...structuredClone(definition), caseScope: structuredClone(scope) };
}

/** The scope fixed in a case's questionnaire copy, if any. */
export function scopeOfQuestionnaire(definition: QuestionnaireDefinition): CaseScope | undefined {
  return definition['caseScope'] === undefined ? undefined : caseScopeOf(definition['caseScope']);
}

/**
 * The values the engine's expressions run on: the provider's answers without any reserved name,
 * then the case scope. A provider cannot set or override a scope variable.
 */
export function logicValues(definition: QuestionnaireDefinition, answers: Answers): Answers {
  const values: Answers = {};
  for (const [name, value] of Object.entries(answers)) if (!isReservedName(name)) values[name] = value;
  const scope = scopeOfQuestionnaire(definition);
  return scope ? { ...values, ...caseScopeVariables(scope) } : values;
}
