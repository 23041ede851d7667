/**
 * Turns a transport's failure reason into one sentence an administrator can read: no stack, no
 * error class names, ending with a full stop. Pure.
 */
const KNOWN_REASONS: Array<[RegExp, string]> = [
  [/stalled more than allowable limit/i, 'The worker stopped while running it (a crash or restart) too many times.'],
  [/has an invalid payload/i, 'Its data does not match what the job expects, so it was not tried again.'],
  [/^No processor is registered/i, 'No worker knows how to run this job; the installation may be out of date.'],
  [
    /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN/,
    'A service it needs (mail, database or storage) could not be reached.',
  ],
];

const MAX_LENGTH = 300;

export function failureSentence(reason: string): string {
  const firstLine = reason.split('\n')[0].trim();
  for (const [pattern, sentence] of KNOWN_REASONS) if (pattern.test(firstLine)) return sentence;
  const bare = firstLine.replace(/^(?:[A-Z][A-Za-z]*)?Error:\s*/, '').trim();
  if (!bare) return 'It failed without giving a reason.';
  const clipped = bare.length > MAX_LENGTH ? `${bare.slice(0, MAX_LENGTH - 1).trimEnd()}…` : bare;
  const capitalised = clipped[0].toUpperCase() + clipped.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
