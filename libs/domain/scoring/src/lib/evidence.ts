import { InstrumentalPrincipleId, NOT_APPLICABLE, RubricItem } from '@probity/rubric';
import { ScoringInputError } from './errors';

/** A visible, answered question that asks for evidence and has none attached. */
export interface EvidenceFinding {
  questionName: string;
  title: string;
  principle?: InstrumentalPrincipleId;
}

/** What the caller knows about one uploaded file; the scorer never reads the file itself. */
export interface EvidenceFile {
  questionName: string;
  fileName: string;
  /** Lower-case hex SHA-256 of the file's bytes, computed when it was uploaded. */
  sha256: string;
  sizeBytes?: number;
  mediaType?: string;
}

export interface ListedEvidence extends EvidenceFile {
  /** The question's title, or null when the rubric has no such question. */
  questionTitle: string | null;
  /**
   * Why the file does not support a scored answer: its question is hidden for this response, or
   * answered N/A, or not in the rubric at all. Null when it belongs to a question that counts.
   */
  unused: 'hidden-question' | 'not-applicable' | 'unknown-question' | null;
}

export interface EvidenceCheck {
  missing: EvidenceFinding[];
  /** Every file, in rubric order (unknown questions last), then by file name and hash. */
  files: ListedEvidence[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function needsEvidence(item: RubricItem, answer: unknown): boolean {
  if (!item.visible || !item.evidenceRequired || answer === NOT_APPLICABLE) return false;
  if (answer === undefined || answer === null) return false;
  if (typeof answer === 'string') return answer.trim() !== '';
  if (Array.isArray(answer)) return answer.length > 0;
  if (typeof answer === 'object') return Object.keys(answer).length > 0;
  return true;
}

/**
 * Visible, answered questions that ask for evidence but have none attached. Unanswered questions
 * are not listed: they already count as unanswered, and a missing file adds nothing to that.
 */
export function missingEvidence(
  items: RubricItem[],
  answers: Record<string, unknown>,
  evidenceCount: Record<string, number>,
): EvidenceFinding[] {
  return items
    .filter((item) => needsEvidence(item, answers[item.questionName]) && (evidenceCount[item.questionName] ?? 0) === 0)
    .map((item) => ({ questionName: item.questionName, title: item.title, principle: item.principle }));
}

/**
 * The evidence check of one response: the findings for missing evidence, and every file listed with
 * its hash so the dossier can show exactly which bytes were assessed. Throws ScoringInputError for
 * a hash that is not a SHA-256 hex digest: an unverifiable listing is worse than none.
 */
export function checkEvidence(
  items: RubricItem[],
  answers: Record<string, unknown>,
  files: EvidenceFile[],
): EvidenceCheck {
  const badHashes = files
    .filter((file) => !SHA256_HEX.test(file.sha256))
    .map((file) => `evidence ${file.fileName} for ${file.questionName}: sha256 must be 64 lower-case hex digits`);
  if (badHashes.length) throw new ScoringInputError(badHashes);

  const count: Record<string, number> = {};
  for (const file of files) count[file.questionName] = (count[file.questionName] ?? 0) + 1;
  const position = new Map(items.map((item, index) => [item.questionName, index]));
  const itemByName = new Map(items.map((item) => [item.questionName, item]));
  const listed = files.map((file): ListedEvidence => {
    const item = itemByName.get(file.questionName);
    const unused = !item
      ? 'unknown-question'
      : !item.visible
        ? 'hidden-question'
        : answers[item.questionName] === NOT_APPLICABLE
          ? 'not-applicable'
          : null;
    return { ...file, questionTitle: item?.title ?? null, unused };
  });
  listed.sort(
    (a, b) =>
      (position.get(a.questionName) ?? Infinity) - (position.get(b.questionName) ?? Infinity) ||
      compareText(a.questionName, b.questionName) ||
      compareText(a.fileName, b.fileName) ||
      compareText(a.sha256, b.sha256),
  );
  return { missing: missingEvidence(items, answers, count), files: listed };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
