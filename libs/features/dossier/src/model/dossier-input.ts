import type { AwardRecord } from '../reproducible/award-record';
import type { DossierLanguage } from './dossier-language';
import type { DossierRiskRegister } from './risk-register-view';

/**
 * Everything an evaluation dossier is rendered from, as plain JSON-serialisable data. This is the
 * dossier's input contract: callers map their cases, scores and panel records into it; the dossier
 * never reads another capability's tables. A render job stores the exact input it rendered from, and
 * the content hash of that input (everything except `signOff`) identifies the dossier version.
 *
 * Dates are ISO 8601 strings. Scores are 0–100 unless stated otherwise; null means "nothing
 * scorable", which is not the same as zero. Every string may come from a provider or a user and is
 * printed escaped; SVG charts are sanitised before they are embedded.
 */
export interface DossierInput {
  /** Shape version of this contract; a stored snapshot of another shape is refused, not guessed at. */
  schemaVersion: typeof DOSSIER_INPUT_SCHEMA_VERSION;
  agency: DossierAgency;
  case: DossierCase;
  panel: DossierPanelMember[];
  /** Questions providers asked and the answers published to all of them, without who asked. */
  clarifications: DossierClarification[];
  providers: DossierProvider[];
  /** What earns 0, 2 and 4 on each judgement question, as published to the providers and used by the panel. */
  markingGuides?: DossierMarkingGuide[];
  /**
   * The legal reviewers whose approval the dossier needs (the case panel's), printed on the review copy.
   * Part of the content hash: a different set of reviewers is a new version, so approvals given to the
   * old set do not carry over.
   */
  reviewers: Array<{ name: string; role: string }>;
  comparison: DossierComparison;
  sensitivity: DossierSensitivity;
  /** Charts of all providers, as SVG strings built by the caller (e.g. @probity/scoring's charts). */
  charts: { comparison?: string; heatMap?: string };
  /**
   * Review and sign-off records printed on the sign-off page. Not part of the content hash: reviewers
   * decide on a version, and their decisions must not make a new one.
   */
  signOff?: DossierSignOff;
  /**
   * The published method, every provider's answers and panel scores, and the stored results: embedded
   * in the PDF as method.json, answers.json and results.json, and the source of the method statement
   * and the amendments printed in the procedure. Part of the content hash.
   */
  award?: AwardRecord;
  /** The questionnaire's own scoring model and each provider's values and level under it, when it has one. */
  scoringModel?: DossierScoringModel;
  /**
   * What the agency itself wrote and recorded as deployer: its fundamental rights impact assessment
   * (Art. 27), the stakeholders it consulted, and its readiness to use the system. Absent in dossiers
   * made before the agency could record them; part of the content hash.
   */
  deployer?: DossierDeployer;
  /**
   * Each ranked provider's risk register (based on the Toolkit's risk assessment approach) and the
   * agency's risk appetite. Not an award criterion: nothing in it feeds a score or a rank. Part of the
   * content hash, so an edit to the register makes a new version for the reviewers.
   */
  riskRegister?: DossierRiskRegister;
}

/** A questionnaire's own scoring model as the dossier prints it (see docs/questionnaire-format.md). */
export interface DossierScoringModel {
  direction: 'higher-is-better' | 'higher-is-riskier';
  ranking: { by: 'value' | 'level' | 'none'; value?: string };
  /** False when no question maps to a Toolkit principle: principle views then print "not mapped". */
  principlesMapped: boolean;
  /**
   * Group totals, then derived values, in the model's order. A group has its full-scale maximum (every
   * question at its highest points × weight) and whether respondents' maxima count hidden questions;
   * a derived value has its expression.
   */
  columns: Array<{
    name: string;
    title: string;
    expression?: string;
    group?: { fullMaximum: number; maximumCounts: 'all' | 'visible' };
  }>;
  levels: {
    of: string;
    basis: 'points' | 'percent-of-maximum';
    bands: Array<{ name: string; title: string; from: number | null; to: number | null; pass: boolean }>;
  } | null;
  /** One row per provider, in the model's ranking order, then unplaced, then excluded providers. */
  rows: Array<{
    providerId: string;
    rank: number | null;
    values: Array<{ value: number | null; maximum: number | null }>;
    /** What the levels compared: raw points or per cent of the maximum. */
    measured: number | null;
    level: string | null;
    pass: boolean | null;
    excluded: boolean;
  }>;
}

export const DOSSIER_INPUT_SCHEMA_VERSION = 3;

/** The role printed next to a reviewer's name on the sign-off page and in the signed statement. */
export const REVIEWER_ROLE_LABEL = 'Legal reviewer';

export interface DossierAgency {
  name: string;
  /** ISO 3166-1 alpha-2, when known. */
  country?: string;
  /** A registry identifier of the agency (e.g. a national public-body number), when known. */
  identifier?: { scheme: string; id: string };
  /** The dossier's language, hashed (reviewers approve the wording); absent = English, as before the setting. */
  language?: DossierLanguage;
}

export interface DossierCase {
  /** uuid of the case in Probity. */
  id: string;
  reference: string;
  title: string;
  description: string;
  intendedUse: string;
  aiActClassification: {
    /** True when the intended use falls under Annex III (or Annex I) and the high-risk rules apply. */
    highRisk: boolean;
    /** E.g. "Annex III 1(a) remote biometric identification (post)". */
    category: string;
    notes?: string;
  };
  value: { amount: number; currency: string } | null;
  procurementMethod: 'open' | 'selective' | 'limited' | 'direct';
  status: string;
  questionnaire: { title: string; contentHash: string; questionCount: number };
  /** Milestones in order: publication, clarification deadline, submission deadline, evaluation… */
  timeline: Array<{ label: string; date: string | null }>;
  /** The award criteria and weights exactly as published to providers (weights add up to 100). */
  criteria: DossierCriterion[];
}

export interface DossierCriterion {
  id: string;
  name: string;
  /** Percentage of the overall score. */
  weight: number;
  description?: string;
  /** Sub-criteria and their relative weight inside the criterion. */
  subCriteria: Array<{ id: string; name: string; weight: number }>;
}

export interface DossierPanelMember {
  name: string;
  role: string;
  /** Legal advisers and procurement custodians take part without scoring. */
  voting: boolean;
  conflictOfInterest: {
    /** True when the member declared a conflict. */
    declared: boolean;
    statement: string;
    declaredAt: string | null;
    /** True when the member was recused because of the declared conflict. */
    recused: boolean;
  };
}

export interface DossierClarification {
  question: string;
  answer: string;
  publishedAt: string;
}

export type DossierStanding = { kind: 'ranked'; rank: number } | { kind: 'disqualified' } | { kind: 'unscored' };

export interface DossierMarkingGuide {
  questionName: string;
  questionTitle: string;
  levels: Array<{ score: number; text: string }>;
}

/** The panel's verdict on one claim that needed evidence: does the attached evidence support it? */
export interface DossierEvidenceConfirmation {
  questionName: string;
  questionTitle: string;
  /** Confirmed by a strict majority of the panel members who checked it. */
  confirmed: boolean;
  supports: number;
  doesNotSupport: number;
}

export interface DossierProvider {
  id: string;
  name: string;
  country: string;
  legalIdentifiers: Record<string, string>;
  submittedAt: string | null;
  /** SHA-256 of the frozen submitted answers. */
  submissionHash: string | null;
  standing: DossierStanding;
  overall: number | null;
  /** Scores by core principle, each with its instrumental principles. */
  principles: Array<{
    id: string;
    name: string;
    score: number | null;
    instrumental: Array<{ id: string; name: string; score: number | null }>;
  }>;
  strongest: string[];
  weakest: string[];
  knockouts: DossierFinding[];
  redFlags: DossierFinding[];
  /** `questionTitle` is what people read; `questionName` is the questionnaire's internal key. */
  evidence: Array<{ questionName: string; questionTitle: string; fileName: string; sha256: string }>;
  missingEvidence: Array<{ questionName: string; title: string }>;
  /** The panel's "evidence supports the claim" verdicts (absent in dossiers made before that step). */
  evidenceConfirmations?: DossierEvidenceConfirmation[];
  /** Titles of answers still awaiting a moderated panel score (not counted yet). */
  awaitingPanel: string[];
  /** Each evaluator's own score (0–4) and written reason, kept after moderation. */
  justifications: Array<{
    questionName: string;
    questionTitle: string;
    evaluator: string;
    score: number | null;
    text: string;
  }>;
  /** The moderated (consensus) score of each judged answer and why. */
  moderation: Array<{
    questionName: string;
    questionTitle: string;
    consensusScore: number;
    reason: string;
    moderatedBy: string;
    moderatedAt: string;
  }>;
  /** Every question shown to this provider, in questionnaire order, with the answer as people read it. */
  answers: DossierAnswer[];
  /** This provider's chart(s) as SVG strings built by the caller. */
  charts: { principles?: string };
}

export interface DossierFinding {
  ruleId: string;
  title: string;
  severity: string;
  explanation: string;
  aiAct?: string;
  mcc?: string;
  /** The answers that made the rule fire, as printed. */
  firedBy: Array<{ questionName: string; questionTitle: string; answer: string }>;
}

export interface DossierAnswer {
  section: string;
  questionName: string;
  title: string;
  /** The answer as text ("" when unanswered). */
  answer: string;
  /** Points 0–100 when the answer counts; null when it does not (N/A, informative, awaiting panel). */
  points: number | null;
  /** How the scorer treated it: scored, unanswered-required, not-applicable, informative… */
  status: string;
  /** AI Act articles the question checks, e.g. "Art. 14(4)(d); Art. 26(10)". */
  aiAct?: string;
  /** MCC-AI clause the question relates to. */
  mcc?: string;
  /** The questionnaire's html blocks just before the question (instructions, lead-in), as sanitised HTML. */
  leadIn?: string;
}

export interface DossierComparison {
  /** Columns of the matrix: the criteria in published order. */
  columns: Array<{ id: string; name: string }>;
  rows: Array<{ providerId: string; scores: Array<number | null>; overall: number | null }>;
  /** The highest-ranked eligible provider, or null when none remained eligible. */
  recommendedProviderId: string | null;
}

export interface DossierSensitivity {
  /** Points each criterion weight was moved by. */
  shift: number;
  /** Providers at most this many points apart are reported as close. */
  margin: number;
  rankingStable: boolean;
  cases: Array<{
    criterionId: string;
    criterionName: string;
    delta: number;
    changed: boolean;
    leaderChanged: boolean;
    /** Pairs whose order flips: the first was ahead, the second is ahead under this weighting. */
    swaps: Array<{ ahead: string; overtakenBy: string }>;
  }>;
  closePairs: Array<{ a: string; b: string; difference: number }>;
}

export interface DossierDeployer {
  /** The agency's text under each Art. 27(1) heading it has written (keys 'a'–'f'); unwritten headings are absent. */
  fria: Array<{ key: string; text: string; writtenBy: string; writtenAt: string }>;
  consultations: DossierConsultation[];
  /** The agency's readiness checklist (absent before the case had one). */
  readiness?: DossierReadinessItem[];
}

/** One consultation of stakeholders for the FRIA: who, when, what they said and what the agency changed. */
export interface DossierConsultation {
  group: string;
  stakeholder: string;
  heldOn: string;
  said: string;
  changed: string;
}

/** One item of the agency's readiness checklist, as recorded. */
export interface DossierReadinessItem {
  key: string;
  title: string;
  basis: string;
  mandatory: boolean;
  status: string;
  owner: string | null;
  dueDate: string | null;
  evidence: string;
}

export type ReviewDecisionKind = 'approve' | 'approve-with-conditions' | 'request-changes';

export interface DossierSignOff {
  requiredReviewers: Array<{ name: string; role: string }>;
  decisions: Array<{
    reviewer: string;
    role: string;
    decision: ReviewDecisionKind;
    /** Conditions of an approval with conditions, or the reason changes were requested. */
    text: string | null;
    decidedAt: string;
    /** SHA-256 of the exact review PDF the decision was made on. */
    pdfSha256: string;
  }>;
  comments: Array<{ section: string; author: string; text: string; createdAt: string }>;
  /** Set on the final, signed render. */
  signedAt?: string;
  /** Residual risks above the agency's appetite that a legal reviewer accepted explicitly, with reasons. */
  riskAcceptances?: Array<{
    provider: string;
    risk: string;
    residual: number;
    reviewer: string;
    reason: string;
    acceptedAt: string;
  }>;
}
