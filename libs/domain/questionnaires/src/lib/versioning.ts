import { contentHash } from './content-hash';
import type { QuestionnaireDefinition } from './definition';

export interface QuestionnaireVersion {
  templateKey: string;
  version: number;
  status: 'draft' | 'published';
  definition: QuestionnaireDefinition;
  contentHash: string;
  publishedAt: Date | null;
}

export class PublishedVersionImmutableError extends Error {
  constructor(templateKey: string, version: number) {
    super(`Version ${version} of ${templateKey} is published and cannot change; edit a new version instead.`);
    this.name = 'PublishedVersionImmutableError';
  }
}

export function draftVersion(
  templateKey: string,
  definition: QuestionnaireDefinition,
  version = 1,
): QuestionnaireVersion {
  return { templateKey, version, status: 'draft', definition, contentHash: contentHash(definition), publishedAt: null };
}

export function publishVersion(draft: QuestionnaireVersion, at: Date): QuestionnaireVersion {
  if (draft.status === 'published') throw new PublishedVersionImmutableError(draft.templateKey, draft.version);
  return { ...draft, status: 'published', publishedAt: at };
}

/** Editing a draft changes it in place; editing a published version starts the next version. */
export function reviseDefinition(
  current: QuestionnaireVersion,
  definition: QuestionnaireDefinition,
): QuestionnaireVersion {
  if (current.status === 'draft') return { ...current, definition, contentHash: contentHash(definition) };
  return draftVersion(current.templateKey, definition, current.version + 1);
}

export function assertEditable(version: QuestionnaireVersion): void {
  if (version.status === 'published') throw new PublishedVersionImmutableError(version.templateKey, version.version);
}
