import type { ConfusionMatrixFields, ConfusionMetric, InstrumentalPrincipleId } from '@probity/rubric';
import type { ScoringModelDefinition } from './scoring-model/scoring-model';

/** A string shown to people, either plain or per locale: `{ "default": "…", "fr": "…" }`. */
export type LocalisedText = string | ({ default: string } & Record<string, string>);

export interface ChoiceDefinition {
  value: string | number | boolean;
  text?: LocalisedText;
  /** Points the choice earns: 0–100 in the principle method, any number in a `scoringModel` group. */
  score?: number;
  [property: string]: unknown;
}

export interface ScoreBand {
  min?: number;
  max?: number;
  points: number;
}

/** A SurveyJS element (question or panel) with Probity's custom properties. */
export interface ElementDefinition {
  type: string;
  name: string;
  title?: LocalisedText;
  description?: LocalisedText;
  elements?: ElementDefinition[];
  choices?: Array<ChoiceDefinition | string | number>;
  columns?: Array<ChoiceDefinition | string>;
  rows?: Array<ChoiceDefinition | string>;
  isRequired?: boolean;
  visibleIf?: string;
  requiredIf?: string;
  enableIf?: string;
  inputType?: string;
  min?: number | string;
  max?: number | string;
  /** The unit of a number, shown next to it ("years"), in every language the questionnaire speaks. */
  unit?: LocalisedText;
  maxLength?: number;
  weight?: number;
  naAllowed?: boolean;
  /** Table rows the method lets a provider answer N/A (e.g. skin-tone rows for a text-only tool). */
  naRows?: string[];
  /** A number that must be whole (a count). */
  integer?: boolean;
  /**
   * Scores this question by a rate Probity computes from a confusion matrix whose parts are the
   * answers of the named questions (the rate's bands are `scoreBands`, in per cent).
   */
  confusionMatrix?: { metric: ConfusionMetric; fields: ConfusionMatrixFields };
  evidenceRequired?: boolean;
  principle?: InstrumentalPrincipleId;
  scoreBands?: ScoreBand[];
  /** Points of a yes/no question; default 100 for yes, 0 for no. */
  scoreTrue?: number;
  scoreFalse?: number;
  aiAct?: string;
  mcc?: string;
  nist?: string;
  iso42001?: string;
  otherLaw?: string;
  [property: string]: unknown;
}

export interface PageDefinition {
  name: string;
  title?: LocalisedText;
  description?: LocalisedText;
  visibleIf?: string;
  elements: ElementDefinition[];
  [property: string]: unknown;
}

export type RuleSeverity = 'critical' | 'high' | 'medium' | 'low';

/** A declarative knock-out or red-flag rule: a SurveyJS expression over the answers. */
export interface RuleDefinition {
  id: string;
  title: LocalisedText;
  explanation: LocalisedText;
  expression: string;
  severity: RuleSeverity;
  /** Why the rule exists: the law, or the agency's own policy (printed as such wherever the rule is shown). */
  basis?: 'law' | 'agency-policy';
  aiAct?: string;
  mcc?: string;
  /** Set in the published view of red flags: "risk for the contract, not an award criterion". */
  label?: string;
}

export interface QuestionnaireDefinition {
  title?: LocalisedText;
  description?: LocalisedText;
  locale?: string;
  pages: PageDefinition[];
  knockouts?: RuleDefinition[];
  redFlags?: RuleDefinition[];
  /** The questionnaire's own scoring model (groups, derived values, levels, ranking); optional. */
  scoringModel?: ScoringModelDefinition;
  [property: string]: unknown;
}

export type Answers = Record<string, unknown>;

/** The question types SurveyJS defines; anything else is rejected at import. */
export const SURVEYJS_TYPES = new Set([
  'boolean',
  'checkbox',
  'comment',
  'dropdown',
  'expression',
  'file',
  'html',
  'image',
  'imagepicker',
  'matrix',
  'matrixdropdown',
  'matrixdynamic',
  'multipletext',
  'panel',
  'paneldynamic',
  'radiogroup',
  'ranking',
  'rating',
  'signaturepad',
  'slider',
  'tagbox',
  'text',
]);

/** Types that hold no answer. */
export const NON_INPUT_TYPES = new Set(['html', 'image', 'expression', 'panel']);
