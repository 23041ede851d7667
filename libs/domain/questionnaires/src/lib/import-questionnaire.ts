import { isInstrumentalPrincipleId } from '@probity/rubric';
import { CASE_SCOPE_VARIABLES, isReservedName, RESERVED_PREFIX } from './case-scope';
import type { ElementDefinition, QuestionnaireDefinition, RuleDefinition } from './definition';
import { NON_INPUT_TYPES, SURVEYJS_TYPES } from './definition';
import { modelQuestionNames, scoringModelProblems } from './scoring-model/validate-scoring-model';
import { parseExpression } from './survey-engine';
import {
  displayWarnings,
  unsupportedFeatureProblems,
  unsupportedPageProblems,
  unsupportedRootProblems,
} from './supported-features';
import { choiceScore, questionsOf } from './walk';

export interface ImportProblem {
  path: string;
  message: string;
}

/** Errors refuse the questionnaire; warnings (kept beside them, also on refusal) do not. */
export type ImportResult =
  | { ok: true; definition: QuestionnaireDefinition; warnings: ImportProblem[] }
  | { ok: false; errors: ImportProblem[]; warnings: ImportProblem[] };

/** Question types Probity can score automatically; a weighted one of these must name its principle. */
const AUTO_SCORED = new Set(['radiogroup', 'dropdown', 'boolean', 'checkbox', 'matrix', 'rating']);

/**
 * Imports a SurveyJS questionnaire written in any SurveyJS tool. Unknown properties are kept as
 * they are; every problem is reported with its JSON path, not just the first one.
 */
export function importQuestionnaire(input: string | unknown): ImportResult {
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (error) {
      return {
        ok: false,
        errors: [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }],
        warnings: [],
      };
    }
  }
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, errors: [{ path: '$', message: 'a questionnaire must be a JSON object' }], warnings: [] };
  }
  const root = structuredClone(json) as Record<string, unknown>;
  // SurveyJS also accepts a single page given as root `elements`.
  if (!Array.isArray(root.pages) && Array.isArray(root.elements)) {
    root.pages = [{ name: 'page1', elements: root.elements }];
    delete root.elements;
  }
  if (!Array.isArray(root.pages) || root.pages.length === 0) {
    return { ok: false, errors: [{ path: '$.pages', message: 'needs at least one page with elements' }], warnings: [] };
  }

  const names = new Map<string, NamedElement>();
  // Questions the questionnaire's own scoring model counts: their points may be any number and they need no principle.
  const inModel = modelQuestionNames(root.scoringModel);
  const checkExpression = (expression: unknown, path: string) => {
    if (expression === undefined) return;
    if (typeof expression !== 'string') return errors.push({ path, message: 'must be a string expression' });
    const parsed = parseExpression(expression);
    if (!parsed.ok) errors.push({ path, message: parsed.error });
  };
  const checkElement = (element: unknown, path: string) => {
    if (element === null || typeof element !== 'object') return errors.push({ path, message: 'must be an object' });
    const candidate = element as ElementDefinition;
    if (typeof candidate.type !== 'string' || !SURVEYJS_TYPES.has(candidate.type)) {
      errors.push({ path: `${path}.type`, message: `unknown question type "${String(candidate.type)}"` });
    }
    if (typeof candidate.name !== 'string' || candidate.name.trim() === '') {
      errors.push({ path: `${path}.name`, message: 'every element needs a name' });
    } else if (isReservedName(candidate.name)) {
      errors.push({
        path: `${path}.name`,
        message: `"${candidate.name}": names starting with "${RESERVED_PREFIX}" are reserved for the case scope`,
      });
    } else if (names.has(candidate.name)) {
      const first = names.get(candidate.name) as NamedElement;
      const message = `duplicate name "${candidate.name}" (also at ${first.path})`;
      // Two questions of one name would share one answer; an html block or panel holds none.
      if (holdsAnswer(candidate.type) && first.holdsAnswer) errors.push({ path: `${path}.name`, message });
      else
        warnings.push({
          path: `${path}.name`,
          message: `${message}; kept, as it holds no answer, but expressions cannot tell the two apart`,
        });
    } else {
      names.set(candidate.name, { path, holdsAnswer: holdsAnswer(candidate.type) });
    }
    for (const logic of ['visibleIf', 'requiredIf', 'enableIf'] as const)
      checkExpression(candidate[logic], `${path}.${logic}`);
    errors.push(...unsupportedFeatureProblems(candidate, path));
    warnings.push(...displayWarnings(candidate, path));
    if (candidate.principle !== undefined && !isInstrumentalPrincipleId(candidate.principle)) {
      errors.push({
        path: `${path}.principle`,
        message: `"${String(candidate.principle)}" is not a Toolkit instrumental principle`,
      });
    }
    const weight = candidate.weight ?? 1;
    if (typeof weight !== 'number' || weight < 0)
      errors.push({ path: `${path}.weight`, message: 'must be a number ≥ 0' });
    const modelOnly = inModel.has(candidate.name) && candidate.principle === undefined;
    if (
      AUTO_SCORED.has(candidate.type) &&
      weight > 0 &&
      candidate.principle === undefined &&
      !modelOnly &&
      hasScores(candidate)
    ) {
      errors.push({
        path: `${path}.principle`,
        message: `scored question "${candidate.name}" must name its principle`,
      });
    }
    const checkScore = modelOnly ? checkModelPoints : checkPrinciplePoints;
    (candidate.choices ?? []).forEach((choice, index) => {
      checkScore(choiceScore(choice), `${path}.choices[${index}].score`);
      if (choice !== null && typeof choice === 'object')
        checkExpression((choice as { visibleIf?: unknown }).visibleIf, `${path}.choices[${index}].visibleIf`);
    });
    (candidate.columns ?? []).forEach((column, index) =>
      checkScore(choiceScore(column), `${path}.columns[${index}].score`),
    );
    (candidate.scoreBands ?? []).forEach((band, index) =>
      checkScore(band.points, `${path}.scoreBands[${index}].points`),
    );
    if (candidate.type === 'panel') {
      if (!Array.isArray(candidate.elements))
        errors.push({ path: `${path}.elements`, message: 'a panel needs elements' });
      else candidate.elements.forEach((child, index) => checkElement(child, `${path}.elements[${index}]`));
    } else if (!NON_INPUT_TYPES.has(candidate.type) && candidate.principle === undefined && !modelOnly) {
      warnings.push({
        path,
        message: `"${candidate.name}" maps to no principle and will not appear in principle scores`,
      });
    }
  };
  const checkPrinciplePoints = (score: unknown, path: string) => {
    if (score === undefined) return;
    if (typeof score !== 'number' || score < 0 || score > 100)
      errors.push({ path, message: 'points must be a number from 0 to 100' });
  };
  const checkModelPoints = (score: unknown, path: string) => {
    if (score !== undefined && (typeof score !== 'number' || !Number.isFinite(score)))
      errors.push({ path, message: 'points must be a number' });
  };

  (root.pages as unknown[]).forEach((page, pageIndex) => {
    const pagePath = `$.pages[${pageIndex}]`;
    if (page === null || typeof page !== 'object') return errors.push({ path: pagePath, message: 'must be an object' });
    const candidate = page as { elements?: unknown; visibleIf?: unknown; enableIf?: unknown };
    checkExpression(candidate.visibleIf, `${pagePath}.visibleIf`);
    checkExpression(candidate.enableIf, `${pagePath}.enableIf`);
    errors.push(...unsupportedPageProblems(page as Record<string, unknown>, pagePath));
    if (!Array.isArray(candidate.elements))
      return errors.push({ path: `${pagePath}.elements`, message: 'must be an array' });
    candidate.elements.forEach((element, index) => checkElement(element, `${pagePath}.elements[${index}]`));
  });

  errors.push(...unsupportedRootProblems(root));
  for (const kind of ['knockouts', 'redFlags'] as const) {
    const rules = root[kind];
    if (rules === undefined) continue;
    if (!Array.isArray(rules)) {
      errors.push({ path: `$.${kind}`, message: 'must be an array of rules' });
      continue;
    }
    const ids = new Set<string>();
    rules.forEach((rule: Partial<RuleDefinition>, index) => {
      const path = `$.${kind}[${index}]`;
      if (!rule || typeof rule.id !== 'string')
        return errors.push({ path: `${path}.id`, message: 'a rule needs an id' });
      if (ids.has(rule.id)) errors.push({ path: `${path}.id`, message: `duplicate rule id "${rule.id}"` });
      ids.add(rule.id);
      if (!['critical', 'high', 'medium', 'low'].includes(String(rule.severity))) {
        errors.push({ path: `${path}.severity`, message: 'must be critical, high, medium or low' });
      }
      if (typeof rule.expression !== 'string')
        return errors.push({ path: `${path}.expression`, message: 'a rule needs an expression' });
      const parsed = parseExpression(rule.expression);
      if (!parsed.ok) return errors.push({ path: `${path}.expression`, message: parsed.error });
      for (const variable of parsed.variables) {
        if (!names.has(variable) && !(CASE_SCOPE_VARIABLES as readonly string[]).includes(variable))
          errors.push({ path: `${path}.expression`, message: `refers to unknown question "${variable}"` });
      }
    });
  }

  // The model names questions, so it is checked once the questions are sound.
  if (errors.length === 0) errors.push(...scoringModelProblems(root as QuestionnaireDefinition));
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, definition: root as QuestionnaireDefinition, warnings };
}

interface NamedElement {
  path: string;
  holdsAnswer: boolean;
}

function holdsAnswer(type: string): boolean {
  return !NON_INPUT_TYPES.has(type);
}

function hasScores(question: ElementDefinition): boolean {
  if (question.type === 'boolean') return question.scoreTrue !== undefined || question.scoreFalse !== undefined;
  return [...(question.choices ?? []), ...(question.columns ?? [])].some((choice) => choiceScore(choice) !== undefined);
}

/** Export is the stored JSON itself: nothing Probity or another SurveyJS tool added is lost. */
export function exportQuestionnaire(definition: QuestionnaireDefinition): string {
  return JSON.stringify(definition, null, 2);
}

export function questionNames(definition: QuestionnaireDefinition): string[] {
  return questionsOf(definition).map(({ question }) => question.name);
}
