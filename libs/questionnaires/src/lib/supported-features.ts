import type { ElementDefinition } from './definition';

interface Problem {
  path: string;
  message: string;
}

/**
 * SurveyJS question types the portal, the validation and the scoring do not handle: refused at
 * import, by name, rather than shown as a text box and scored as nothing.
 */
const UNSUPPORTED_TYPES: Record<string, string> = {
  matrixdropdown: 'a "matrixdropdown" (table with a dropdown or text in each cell)',
  matrixdynamic: 'a "matrixdynamic" (table whose rows the respondent adds)',
  paneldynamic: 'a "paneldynamic" (panel the respondent repeats)',
  multipletext: 'a "multipletext" (several text boxes in one question)',
  ranking: 'a "ranking" question',
  imagepicker: 'an "imagepicker" question',
  signaturepad: 'a "signaturepad" question',
  slider: 'a "slider" question',
};

/**
 * SurveyJS properties that would change what a respondent sees or must answer, which Probity does
 * not evaluate: refused, so an instrument never silently behaves differently from its author's tool.
 */
const UNSUPPORTED_PROPERTIES: Record<string, string> = {
  validators: 'question validators',
  defaultValue: 'default answers',
  defaultValueExpression: 'default answers computed by an expression',
  setValueIf: 'answers set by a condition (setValueIf)',
  setValueExpression: 'answers set by an expression (setValueExpression)',
  resetValueIf: 'answers cleared by a condition (resetValueIf)',
  choicesFromQuestion: 'choices copied from another question (choicesFromQuestion)',
  choicesByUrl: 'choices loaded from a web service (choicesByUrl)',
  choicesVisibleIf: 'choice conditions over {item} (choicesVisibleIf)',
  choicesEnableIf: 'choice conditions over {item} (choicesEnableIf)',
  rateValues: 'rating questions with their own rate values (rateValues)',
};

const CHOICES_ORDERS = new Set(['none', 'asc', 'desc', 'random']);

/** Refusals for one element, each naming the feature and what to do instead. */
export function unsupportedFeatureProblems(element: ElementDefinition, path: string): Problem[] {
  const problems: Problem[] = [];
  const typeLabel = UNSUPPORTED_TYPES[element.type];
  if (typeLabel)
    problems.push({
      path: `${path}.type`,
      message: `Probity cannot yet show, check or score ${typeLabel}; use radiogroup, checkbox, dropdown, matrix, boolean, text or comment instead`,
    });
  for (const [property, feature] of Object.entries(UNSUPPORTED_PROPERTIES)) {
    if (element[property] !== undefined)
      problems.push({
        path: `${path}.${property}`,
        message: `"${property}": Probity does not support ${feature}; remove it (Probity checks answer types, ranges and required answers itself)`,
      });
  }
  if (element.choicesOrder !== undefined && !CHOICES_ORDERS.has(String(element.choicesOrder).toLowerCase()))
    problems.push({ path: `${path}.choicesOrder`, message: 'choicesOrder must be none, asc, desc or random' });
  (element.choices ?? []).forEach((choice, index) => {
    if (choice !== null && typeof choice === 'object' && (choice as { enableIf?: unknown }).enableIf !== undefined)
      problems.push({
        path: `${path}.choices[${index}].enableIf`,
        message: '"enableIf" on a choice is not supported; use "visibleIf" to offer a choice only when it applies',
      });
  });
  return problems;
}

/** Refusals at the root of the questionnaire. */
export function unsupportedRootProblems(root: Record<string, unknown>): Problem[] {
  if (root.triggers === undefined) return [];
  return [
    {
      path: '$.triggers',
      message:
        '"triggers": Probity does not run SurveyJS triggers (complete, setvalue, skip, copyvalue, runexpression); remove them and express the logic with visibleIf, requiredIf or enableIf',
    },
  ];
}

/** Elements kept but not shown, so the author knows. */
export function displayWarnings(element: ElementDefinition, path: string): Problem[] {
  if (element.type === 'image')
    return [{ path, message: `image "${element.name}" is kept but not shown: Probity loads no external images` }];
  return [];
}
