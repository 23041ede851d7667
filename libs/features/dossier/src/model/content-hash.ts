import { contentHash } from '@probity/questionnaires';
import type { DossierInput } from './dossier-input';

/**
 * SHA-256 of the canonical JSON (sorted keys) of everything the dossier shows, except the sign-off
 * records: the same content always has the same hash, and review decisions bound to a version do not
 * change that version's identity.
 */
export function dossierContentHash(input: DossierInput): string {
  const { signOff: _signOff, ...content } = input;
  return contentHash(content);
}
