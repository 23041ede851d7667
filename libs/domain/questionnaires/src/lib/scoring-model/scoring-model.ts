import type { ScoringDirection } from '@probity/rubric';
import type { LocalisedText } from '../definition';

/**
 * A questionnaire's own scoring model, declared in its JSON under `scoringModel` (see
 * docs/questionnaire-format.md). It is part of the definition, so it is in the content hash, the
 * published method and every versioned copy, and scores without any Toolkit principle mapping.
 */
export interface ScoringModelDefinition {
  /** Named groups of questions: each has a total (`{name}`) and a maximum (`{nameMax}`). */
  groups: ScoringGroupDefinition[];
  /** Derived values in SurveyJS's expression language, evaluated in order (`calculatedValues` style). */
  values?: DerivedValueDefinition[];
  direction: ScoringDirection;
  levels?: LevelsDefinition;
  /** How respondents are ranked; without it, by the levels' value. */
  ranking?: { by: 'value'; value?: string } | { by: 'level' } | { by: 'none' };
}

export interface ScoringGroupDefinition {
  name: string;
  title?: LocalisedText;
  /** Question names; a question's points are its answer's `score` (any number) × its `weight`. */
  questions: string[];
  /**
   * `all` (default): the maximum counts every question of the group, shown or not (a fixed scale);
   * `visible`: only the questions shown to this respondent.
   */
  maximum?: 'all' | 'visible';
  /**
   * Which end of this group's points is the worst answer, counted for a blank: the model's direction
   * unless given (a mitigation group in a risk model is `higher-is-better`).
   */
  direction?: ScoringDirection;
}

export interface DerivedValueDefinition {
  name: string;
  title?: LocalisedText;
  /** E.g. `iif({mitigation} >= 0.75 * {mitigationMax}, {impact} * 0.9, {impact})`. */
  expression: string;
  /** Expression of the value's maximum (`{nameMax}` to later expressions); needed for percentage bands. */
  maximum?: string;
}

export interface LevelsDefinition {
  /** The group or derived value the levels classify. */
  of: string;
  /** Bands compare raw points, or per cent of the value's maximum. */
  basis: 'points' | 'percent-of-maximum';
  /** From the lowest values up, touching and not overlapping: `from` inclusive, `to` exclusive. */
  bands: LevelBandDefinition[];
}

export interface LevelBandDefinition {
  name: string;
  title?: LocalisedText;
  /** Inclusive lower bound; only the first band may leave it out. */
  from?: number;
  /** Exclusive upper bound; only the last band may leave it out. */
  to?: number;
  /** Whether a respondent at this level passes (shown for every rule; what `ranking: none` decides by). */
  pass?: boolean;
}

/** The name a group's or derived value's maximum takes in expressions: `impact` → `impactMax`. */
export const maximumName = (name: string): string => `${name}Max`;
