import { fromBuffer } from 'file-type';
import { extname } from 'node:path';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** What providers may upload as evidence, by the type their bytes show (extensions are only cross-checked). */
const ALLOWED_BINARY: Record<string, { mime: string; extensions: string[] }> = {
  pdf: { mime: 'application/pdf', extensions: ['.pdf'] },
  png: { mime: 'image/png', extensions: ['.png'] },
  jpg: { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'] },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['.ods'] },
};
const TEXT_EXTENSIONS: Record<string, string> = { '.txt': 'text/plain', '.csv': 'text/csv', '.md': 'text/markdown' };

export const ALLOWED_EVIDENCE_DESCRIPTION =
  'PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), OpenDocument, or plain text/CSV';

/**
 * The name an uploaded file is stored and shown under: the last segment of any path (POSIX or
 * Windows separators), without control characters, at most 255 characters. Evidence bytes live in
 * the database, so a name never reaches a file system path; this keeps it from misleading people.
 */
export function safeEvidenceFileName(fileName: string): string {
  const lastSegment = fileName.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const printable = lastSegment.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (printable && printable !== '.' && printable !== '..' ? printable : 'evidence').slice(0, 255);
}

export type EvidenceCheck = { accepted: true; contentType: string } | { accepted: false; reason: string };

/**
 * Decides from the file's content whether it is an allowed evidence type. A file whose bytes are an
 * executable, an archive or anything else not listed is refused whatever its name says.
 */
export async function checkEvidenceFile(fileName: string, content: Buffer): Promise<EvidenceCheck> {
  if (content.length === 0) return { accepted: false, reason: `${fileName} is empty.` };
  if (content.length > MAX_EVIDENCE_BYTES)
    return { accepted: false, reason: `${fileName} is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.` };
  const extension = extname(fileName).toLowerCase();
  const detected = await fromBuffer(content);
  if (detected) {
    const allowed = ALLOWED_BINARY[detected.ext];
    if (!allowed)
      return {
        accepted: false,
        reason: `${fileName} is a ${detected.ext.toUpperCase()} file (${detected.mime}); evidence must be ${ALLOWED_EVIDENCE_DESCRIPTION}.`,
      };
    if (!allowed.extensions.includes(extension))
      return {
        accepted: false,
        reason: `${fileName} contains a ${detected.ext.toUpperCase()} file but is named ${extension || 'without an extension'}; rename it to ${allowed.extensions[0]}.`,
      };
    return { accepted: true, contentType: allowed.mime };
  }
  const textType = TEXT_EXTENSIONS[extension];
  if (textType && isPlainText(content)) return { accepted: true, contentType: `${textType}; charset=utf-8` };
  return {
    accepted: false,
    reason: `${fileName} is not a recognised file type; evidence must be ${ALLOWED_EVIDENCE_DESCRIPTION}.`,
  };
}

function isPlainText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  return Buffer.from(content.toString('utf8'), 'utf8').equals(content);
}
