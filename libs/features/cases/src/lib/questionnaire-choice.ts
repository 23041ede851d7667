/** Keys agencies give their questionnaires: short, URL-safe, lower case. */
export const TEMPLATE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$/;

/**
 * A case names its questionnaire as `key` (a built-in one, or the latest published version of
 * an agency template) or `key@version` (that exact published version).
 */
export function parseQuestionnaireChoice(choice: string): { key: string; version?: number } | null {
  const match = /^([a-z0-9-]+)(?:@([1-9][0-9]{0,8}))?$/.exec(choice.trim());
  if (!match) return null;
  return match[2] === undefined ? { key: match[1] } : { key: match[1], version: Number(match[2]) };
}
