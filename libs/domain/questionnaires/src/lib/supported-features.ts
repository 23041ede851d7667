import type { ElementDefinition } from './definition';

interface Problem {
  path: string;
  message: string;
}

/**
 * SurveyJS question types the portal, the validation and the scoring do not handle: refused at
 * import, naming the question, rather than shown as a text box and scored as nothing; each with
 * what to write instead so the instrument still asks the same thing.
 */
const UNSUPPORTED_TYPES: Record<string, { label: string; instead: string }> = {
  matrixdropdown: {
    label: 'a "matrixdropdown" (a table with a dropdown or text box in each cell)',
    instead: 'a "matrix" (one choice per row, points per column) or one question per column',
  },
  matrixdynamic: {
    label: 'a "matrixdynamic" (a table whose rows the respondent adds)',
    instead: 'a "matrix" with fixed rows, or a "comment" asking for one row per line',
  },
  paneldynamic: {
    label: 'a "paneldynamic" (a panel the respondent repeats)',
    instead:
      'a "panel" repeated a fixed number of times (e.g. "First system", "Second system", each shown with visibleIf), or a "comment" asking for one item per line',
  },
  multipletext: {
    label: 'a "multipletext" (several text boxes in one question)',
    instead: 'one "text" question per box',
  },
  ranking: { label: 'a "ranking" question', instead: 'one "dropdown" per rank ("First choice", "Second choice", …)' },
  imagepicker: { label: 'an "imagepicker" question', instead: 'a "radiogroup" or "checkbox" with text choices' },
  signaturepad: {
    label: 'a "signaturepad" question',
    instead: 'a "file" question for the signed document, or a "boolean" declaration',
  },
  slider: { label: 'a "slider" question', instead: 'a "text" question with inputType "number", min and max' },
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
const TITLE_LOCATIONS = new Set(['default', 'top', 'bottom', 'left', 'hidden']);
/** Title places Probity shows as "top": the layout differs, what is asked does not. */
const TITLE_SHOWN_ON_TOP = new Set(['bottom', 'left']);

/**
 * A required panel or page (SurveyJS: at least one of its questions answered) is not checked by Probity,
 * so it is refused rather than silently not required.
 */
function requiredContainerProblems(
  container: Record<string, unknown>,
  kind: 'Panel' | 'Page',
  path: string,
): Problem[] {
  return (['isRequired', 'requiredIf'] as const)
    .filter((property) => container[property] !== undefined && container[property] !== false)
    .map((property) => ({
      path: `${path}.${property}`,
      message: `${kind} "${String(container.name)}" has "${property}": Probity does not support a required ${kind.toLowerCase()} (one of its questions must be answered); put "isRequired" or "requiredIf" on the ${kind.toLowerCase()}'s questions instead`,
    }));
}

/** `questionTitleLocation` on the questionnaire, a page or a panel: "hidden" is refused, the rest is layout. */
function questionTitleLocationProblems(container: Record<string, unknown>, path: string): Problem[] {
  const location = container.questionTitleLocation;
  if (
    location === undefined ||
    (typeof location === 'string' && TITLE_LOCATIONS.has(location) && location !== 'hidden')
  )
    return [];
  return [
    {
      path: `${path}.questionTitleLocation`,
      message:
        location === 'hidden'
          ? '"questionTitleLocation": "hidden" (every question\'s title hidden) is not supported; set "titleLocation": "hidden" on each question whose title is to be read by screen readers only'
          : `questionTitleLocation "${String(location)}" is not one of default, top, bottom, left or hidden`,
    },
  ];
}

/** Refusals for one page. */
export function unsupportedPageProblems(page: Record<string, unknown>, path: string): Problem[] {
  return [...requiredContainerProblems(page, 'Page', path), ...questionTitleLocationProblems(page, path)];
}

/** Refusals for one element, each naming the feature and what to do instead. */
export function unsupportedFeatureProblems(element: ElementDefinition, path: string): Problem[] {
  const problems: Problem[] = [];
  const unsupported = UNSUPPORTED_TYPES[element.type];
  if (unsupported)
    problems.push({
      path: `${path}.type`,
      message: `Question "${element.name}" is ${unsupported.label}, which Probity cannot yet show, check or score; use ${unsupported.instead} instead`,
    });
  for (const [property, feature] of Object.entries(UNSUPPORTED_PROPERTIES)) {
    if (element[property] !== undefined)
      problems.push({
        path: `${path}.${property}`,
        message: `"${property}": Probity does not support ${feature}; remove it (Probity checks answer types, ranges and required answers itself)`,
      });
  }
  if (element.type === 'panel') {
    problems.push(...requiredContainerProblems(element, 'Panel', path));
    problems.push(...questionTitleLocationProblems(element, path));
  }
  if (element.titleLocation !== undefined && !TITLE_LOCATIONS.has(String(element.titleLocation)))
    problems.push({
      path: `${path}.titleLocation`,
      message: `titleLocation "${String(element.titleLocation)}" is not one of default, top, bottom, left or hidden`,
    });
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
  const problems = questionTitleLocationProblems(root, '$');
  if (root.triggers === undefined) return problems;
  return [
    ...problems,
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
  if (TITLE_SHOWN_ON_TOP.has(String(element.titleLocation)))
    return [
      {
        path: `${path}.titleLocation`,
        message: `titleLocation "${String(element.titleLocation)}" is shown as "top": Probity puts every title above its answer, where a phone has room for it`,
      },
    ];
  return [];
}
