import { AnnexIIIPoint, caseScopeOf } from '@probity/questionnaires';
import type { PortalCatalog } from './i18n/catalog';

const POINT_KEYS: Record<AnnexIIIPoint, keyof PortalCatalog['scope']> = {
  '1a': 'annex1a',
  '1b': 'annex1b',
  '1c': 'annex1c',
  '6a': 'annex6a',
  '6b': 'annex6b',
  '6c': 'annex6c',
  '6d': 'annex6d',
  '6e': 'annex6e',
  '7': 'annex7',
  '8': 'annex8',
};

/**
 * The case scope the agency set, in the provider's language, for the portal overview: providers see
 * what decides their questions, and that a disagreement goes through a clarification question.
 * Null for an older case whose classification predates the structured scope.
 */
export function caseScopeView(stored: unknown, t: PortalCatalog): { lines: string[] } | null {
  const scope = caseScopeOf(stored);
  if (!scope) return null;
  const lines = scope.annexIII.length
    ? scope.annexIII.map((point) => t.scope[POINT_KEYS[point]])
    : [t.scope.notHighRisk];
  if (scope.remoteBiometricIdentification === 'post') lines.push(t.scope.rbiPost);
  if (scope.remoteBiometricIdentification === 'real-time') lines.push(t.scope.rbiRealTime);
  lines.push(scope.personalData ? t.scope.personalData : t.scope.noPersonalData);
  return { lines };
}
