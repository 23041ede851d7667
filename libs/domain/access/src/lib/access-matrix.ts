/**
 * The access matrix as data: the roles, the permissions, and which grants (role × case phase × panel
 * seat × conflict declaration × response state) open each of them, with the words a refusal uses.
 * `access-policy.ts` decides on it; a reviewer reads the whole rule set here.
 */
/** The roles of staff accounts (identity stores them; the policy decides what each may do). */
export const STAFF_ROLES = ['admin', 'procurement_officer', 'evaluator', 'legal_reviewer'] as const;
export type AccessRole = (typeof STAFF_ROLES)[number];

export const PERMISSIONS = [
  /** The case page and case JSON: providers' names and contacts, progress, clarifications. */
  'case.read',
  /** Lifecycle, panel, invites, weights, prices: the officer's work. */
  'case.manage',
  /** One provider's answers and evidence list. */
  'response.read',
  /** Declaring a conflict of interest for the case. */
  'panel.declare',
  /** The panel's work on submissions: the list to score, the workspace, scores, submission. */
  'response.score',
  /** Moderation of the panel's scores. */
  'panel.moderate',
  /** Recording whether a submission's evidence supports its claim: the panel, while it scores. */
  'evidence.confirm',
  /** The side-by-side comparison (automatic scores, knock-outs, red flags) and scoring progress. */
  'comparison.read',
  /** Asking for the dossier to be rendered for the case's current data. */
  'dossier.request',
  /** The dossier's versions, review copies, signed PDF, OCDS release and review state. */
  'dossier.read',
  /** A legal reviewer's comments and decision on the dossier. */
  'dossier.decide',
  /** The recorded price offers (never for quality evaluators, who score blind to price). */
  'price.read',
  /** The agency's own side as deployer: its FRIA, consultations, readiness checklist and monitoring schedule. */
  'readiness.read',
  /** Writing the agency's FRIA, its readiness checklist and monitoring: the officer's work. */
  'readiness.manage',
  /** The per-provider risk registers and their XLSX download. */
  'risk.read',
  /** Editing, adding and removing register rows (with a reason): the officer's work. */
  'risk.edit',
  /** A legal reviewer's explicit acceptance of a residual risk above the agency's appetite. */
  'risk.accept',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Permissions that name no case: the agency's lists, new cases, its accounts and questionnaires, its
 * audit trail. They are decided on the role alone (the agency is the principal's own).
 */
export const AGENCY_PERMISSIONS = [
  /** The agency's case list. */
  'case.list',
  /** Raising a new case. */
  'case.create',
  /** The signed-in evaluator's own evaluations. */
  'evaluation.queue',
  /** The dossier versions awaiting the signed-in legal reviewer. */
  'review.queue',
  /** Staff accounts and the agency's questionnaire templates. */
  'agency.administer',
  /** The agency's audit trail and its verification. */
  'audit.read',
  /** Queue counts and the agency's own failed background jobs (never another agency's payloads). */
  'jobs.read',
  /** Queuing one of the agency's failed background jobs again. */
  'jobs.retry',
  /** The agency's risk appetite (the residual score a reviewer must accept explicitly above). */
  'risk.appetite',
] as const;
export type AgencyPermission = (typeof AGENCY_PERMISSIONS)[number];

/** Case statuses once responses are closed: submissions are open to the panel from then on. */
export const SUBMISSIONS_OPENED = [
  'closed',
  'evaluation',
  'dossier_review',
  'signed_off',
  'awarded',
  'in_use',
] as const;
/** Case statuses in which the panel's judgements may still change. */
export const PANEL_SCORING = ['closed', 'evaluation'] as const;

export type PanelSeat = 'evaluator' | 'legal_reviewer';

/** One way to be granted a permission; a permission is granted when any of its grants matches. */
export interface Grant {
  /** The account roles this grant is for. */
  roles: readonly AccessRole[];
  /** The principal must sit on the case's panel in this seat. */
  seat?: PanelSeat;
  /** The principal must have declared no conflict of interest for the case. */
  declaredNoConflict?: boolean;
  /** The case must be in one of these statuses. */
  phases?: readonly string[];
  /** The response, when one is named, must have been submitted. */
  submittedResponse?: boolean;
}

const MANAGERS: readonly AccessRole[] = ['procurement_officer', 'admin'];
// An administrator may sit on a panel in either seat (the panel form offers them), so seats take admins too.
const EVALUATOR_SEAT = { roles: ['evaluator', 'admin'], seat: 'evaluator' } as const;
const LEGAL_SEAT = { roles: ['legal_reviewer', 'admin'], seat: 'legal_reviewer' } as const;

/**
 * The matrix. Evaluators see nothing of a case, not even who the providers are, until they sit on
 * its panel and have declared no conflict of interest (a declared conflict recuses them for good);
 * submissions and automatic scores open to them once responses are closed. Legal reviewers see the
 * cases whose panel they sit on. Officers and administrators run every case of their agency.
 */
export const ACCESS_MATRIX: Readonly<Record<Permission, readonly Grant[]>> = {
  'case.read': [{ roles: MANAGERS }, { ...EVALUATOR_SEAT, declaredNoConflict: true }, LEGAL_SEAT],
  'case.manage': [{ roles: MANAGERS }],
  'response.read': [
    { roles: MANAGERS },
    { ...EVALUATOR_SEAT, declaredNoConflict: true, phases: SUBMISSIONS_OPENED, submittedResponse: true },
    { ...LEGAL_SEAT, phases: SUBMISSIONS_OPENED, submittedResponse: true },
  ],
  'panel.declare': [EVALUATOR_SEAT],
  'response.score': [{ ...EVALUATOR_SEAT, declaredNoConflict: true }],
  'panel.moderate': [{ roles: MANAGERS }],
  'evidence.confirm': [{ ...EVALUATOR_SEAT, declaredNoConflict: true, phases: PANEL_SCORING, submittedResponse: true }],
  'comparison.read': [
    { roles: MANAGERS },
    { ...EVALUATOR_SEAT, declaredNoConflict: true, phases: SUBMISSIONS_OPENED },
    LEGAL_SEAT,
  ],
  'dossier.request': [{ roles: MANAGERS }],
  // Any legal reviewer of the agency reads its dossiers (the review queue and the signed record).
  'dossier.read': [{ roles: [...MANAGERS, 'legal_reviewer'] }],
  // Only while the case is in dossier review, but that is the case's state, not the person's right:
  // a decision on a signed or superseded dossier is a conflict (409 from the review service).
  'dossier.decide': [LEGAL_SEAT],
  'price.read': [{ roles: MANAGERS }, LEGAL_SEAT],
  // Legal reviewers of the case read what the agency wrote as deployer (it goes into the dossier they approve).
  'readiness.read': [{ roles: MANAGERS }, LEGAL_SEAT],
  'readiness.manage': [{ roles: MANAGERS }],
  // Evaluators score blind to the contract's risks; the register is the officer's and the reviewers'.
  'risk.read': [{ roles: MANAGERS }, LEGAL_SEAT],
  'risk.edit': [{ roles: MANAGERS }],
  'risk.accept': [LEGAL_SEAT],
};

const ALL_STAFF: readonly AccessRole[] = STAFF_ROLES;

/** Who may use each agency-wide permission: roles only, since no case or panel is involved. */
export const AGENCY_MATRIX: Readonly<Record<AgencyPermission, readonly AccessRole[]>> = {
  'case.list': ALL_STAFF,
  'case.create': MANAGERS,
  'evaluation.queue': ['evaluator', 'admin'],
  // Officers open it too (from the navigation of a case in review); it lists only their own reviews.
  'review.queue': ['legal_reviewer', 'admin', 'procurement_officer'],
  'agency.administer': ['admin'],
  'audit.read': ['admin', 'legal_reviewer'],
  'jobs.read': ['admin'],
  'jobs.retry': ['admin'],
  'risk.appetite': MANAGERS,
};

/** How a refusal names each permission: "… does not allow you to <words>". */
export const PERMISSION_WORDS: Record<Permission, string> = {
  'case.read': 'see this case',
  'case.manage': 'manage this case',
  'response.read': 'read this response',
  'panel.declare': 'declare for this case’s panel',
  'response.score': 'score this case’s submissions',
  'panel.moderate': 'moderate this case’s panel scores',
  'evidence.confirm': 'confirm this submission’s evidence',
  'comparison.read': 'see this case’s comparison',
  'dossier.request': 'request this case’s dossier',
  'dossier.read': 'read this case’s dossier',
  'dossier.decide': 'review this case’s dossier',
  'price.read': 'see this case’s price offers',
  'readiness.read': 'see the agency’s assessment of this case as deployer',
  'readiness.manage': 'write the agency’s assessment of this case as deployer',
  'risk.read': 'see this case’s risk registers',
  'risk.edit': 'edit this case’s risk registers',
  'risk.accept': 'accept this case’s residual risks',
};

export const AGENCY_WORDS: Record<AgencyPermission, string> = {
  'case.list': 'list cases',
  'case.create': 'raise a case',
  'evaluation.queue': 'evaluate cases',
  'review.queue': 'review dossiers',
  'agency.administer': 'administer the agency',
  'audit.read': 'read the audit trail',
  'jobs.read': 'see the background jobs',
  'jobs.retry': 'retry background jobs',
  'risk.appetite': 'set the agency’s risk appetite',
};
