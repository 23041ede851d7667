/**
 * SurveyJS's `choicesOrder` for a list of labelled choices: "asc"/"desc" sort by the label the
 * respondent reads (in their language), "random" shuffles with a seed so one respondent keeps one
 * order across visits (SurveyJS seeds its shuffle the same way), anything else keeps the written order.
 */
export function orderChoices<T extends { label: string }>(
  choices: T[],
  choicesOrder: unknown,
  options: { locale?: string; seed?: string } = {},
): T[] {
  const order = typeof choicesOrder === 'string' ? choicesOrder.toLowerCase() : 'none';
  const language = options.locale && options.locale !== 'default' ? options.locale : 'en';
  const copy = [...choices];
  if (order === 'asc' || order === 'desc') {
    const direction = order === 'asc' ? 1 : -1;
    return copy.sort((a, b) => a.label.localeCompare(b.label, language) * direction);
  }
  if (order === 'random' && options.seed !== undefined) {
    const random = mulberry32(hashSeed(options.seed));
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
  }
  return copy;
}

function hashSeed(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
