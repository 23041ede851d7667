import { z } from 'zod';
import { QUEUED_MAIL_TEMPLATES } from '@probity/queue';

/** What each e-mail template needs. Dates are ISO 8601 strings; URLs are absolute http(s). */
export interface MailContexts {
  invite: {
    organisationName: string;
    agencyName: string;
    caseTitle: string;
    caseReference: string;
    portalUrl: string;
    responsesDue: string;
    /** The published method's hash (methodHash), which the dossier's embedded method must match. */
    methodHash?: string;
  };
  reminder: {
    organisationName: string;
    agencyName: string;
    caseTitle: string;
    caseReference: string;
    responsesDue: string;
    daysLeft: number;
  };
  'clarification-published': {
    agencyName: string;
    caseTitle: string;
    caseReference: string;
    question: string;
    answer: string;
    publishedAt: string;
  };
  /** To every invited provider when the officer amends the published method before the deadline. */
  'method-amendment': {
    agencyName: string;
    caseTitle: string;
    caseReference: string;
    amendmentNumber: number;
    reason: string;
    /** Each criterion whose weight changed, in points out of 100. */
    changes: Array<{ criterion: string; before: string; after: string }>;
    methodHash: string;
    responsesDue: string;
    deadlineExtended: boolean;
    publishedAt: string;
  };
  'submission-receipt': {
    organisationName: string;
    agencyName: string;
    caseTitle: string;
    caseReference: string;
    submissionHash: string;
    submittedAt: string;
    /** The submitted answers in words (question and answer texts, never internal names). */
    answers?: Array<{ title: string; answers: Array<{ question: string; answer: string }> }>;
    evidence?: Array<{ fileName: string; question: string; sha256: string }>;
  };
  'sign-off-request': {
    reviewerName: string;
    agencyName: string;
    caseTitle: string;
    caseReference: string;
    reviewUrl: string;
  };
  /** To an evaluator on a case's panel when its evaluation starts. */
  'evaluation-invite': {
    evaluatorName: string;
    agencyName: string;
    caseTitle: string;
    caseReference: string;
    evaluationUrl: string;
  };
  /** To the owner of a post-award monitoring check on the day it falls due. */
  'monitoring-reminder': {
    ownerName: string;
    agencyName: string;
    caseTitle: string;
    caseReference: string;
    checkTitle: string;
    basis: string;
    /** YYYY-MM-DD. */
    dueOn: string;
    caseUrl: string;
  };
  /** To the officer of a monitored case once a month: overdue and upcoming checks. */
  'monitoring-summary': {
    officerName: string;
    agencyName: string;
    caseTitle: string;
    caseReference: string;
    /** YYYY-MM. */
    month: string;
    overdue: Array<{ title: string; dueOn: string; owner: string }>;
    upcoming: Array<{ title: string; dueOn: string; owner: string }>;
    caseUrl: string;
  };
  /** To an account's owner when repeated failed sign-ins locked it for a while. */
  'account-locked': { name: string; lockedMinutes: number; resetUrl: string };
  /** `newAccount`: an administrator just created the account; the link sets its first password. */
  /** `expiresInHours`, when set, is how the e-mail states a long lifetime (72 hours rather than 4320 minutes). */
  'password-reset': {
    name: string;
    resetUrl: string;
    expiresInMinutes: number;
    expiresInHours?: number;
    newAccount?: boolean;
  };
}

export type MailTemplate = keyof MailContexts;

/** Mails whose links carry a secret token: sent only by MailService.send, never stored or queued. */
export type SecretMailTemplate = 'invite' | 'password-reset';

/** Mails that may go through the outbox and the queue (Notifier.queue). */
export type QueuedMailTemplate = (typeof QUEUED_MAIL_TEMPLATES)[number];

const name = z.string().trim().min(1).max(300);
const reference = z.string().trim().min(1).max(100);
const longText = z.string().trim().min(1).max(20000);
const instant = z.iso.datetime({ offset: true });
// A javascript: or data: URL in an href would survive HTML escaping, so only http(s) links are accepted.
const link = z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' });

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/i, { message: 'must be a hex SHA-256 digest' });

const caseFields = { agencyName: name, caseTitle: name, caseReference: reference };

export const MAIL_CONTEXT_SCHEMAS = {
  invite: z.object({
    ...caseFields,
    organisationName: name,
    portalUrl: link,
    responsesDue: instant,
    methodHash: sha256Hex.optional(),
  }),
  reminder: z.object({
    ...caseFields,
    organisationName: name,
    responsesDue: instant,
    daysLeft: z.number().int().min(0).max(366),
  }),
  'clarification-published': z.object({
    ...caseFields,
    question: longText,
    answer: longText,
    publishedAt: instant,
  }),
  'method-amendment': z.object({
    ...caseFields,
    amendmentNumber: z.number().int().min(1),
    reason: longText,
    changes: z.array(z.object({ criterion: name, before: name, after: name })).max(20),
    methodHash: sha256Hex,
    responsesDue: instant,
    deadlineExtended: z.boolean(),
    publishedAt: instant,
  }),
  'submission-receipt': z.object({
    ...caseFields,
    organisationName: name,
    submissionHash: z.string().regex(/^[0-9a-f]{64}$/i, { message: 'must be a hex SHA-256 digest' }),
    submittedAt: instant,
    answers: z
      .array(z.object({ title: longText, answers: z.array(z.object({ question: longText, answer: longText })) }))
      .optional(),
    evidence: z
      .array(z.object({ fileName: name, question: longText, sha256: z.string().regex(/^[0-9a-f]{64}$/i) }))
      .optional(),
  }),
  'sign-off-request': z.object({ ...caseFields, reviewerName: name, reviewUrl: link }),
  'evaluation-invite': z.object({ ...caseFields, evaluatorName: name, evaluationUrl: link }),
  'monitoring-reminder': z.object({
    ...caseFields,
    ownerName: name,
    checkTitle: name,
    basis: name,
    dueOn: z.iso.date(),
    caseUrl: link,
  }),
  'monitoring-summary': z.object({
    ...caseFields,
    officerName: name,
    month: z.string().regex(/^\d{4}-\d{2}$/),
    overdue: z.array(z.object({ title: name, dueOn: z.iso.date(), owner: name })).max(500),
    upcoming: z.array(z.object({ title: name, dueOn: z.iso.date(), owner: name })).max(500),
    caseUrl: link,
  }),
  'account-locked': z.object({
    name,
    lockedMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    resetUrl: link,
  }),
  'password-reset': z.object({
    name,
    resetUrl: link,
    expiresInMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    expiresInHours: z
      .number()
      .int()
      .min(1)
      .max(7 * 24)
      .optional(),
    newAccount: z.boolean().optional(),
  }),
} as const satisfies { [T in MailTemplate]: z.ZodType<MailContexts[T]> };

export const MAIL_TEMPLATES = Object.keys(MAIL_CONTEXT_SCHEMAS) as MailTemplate[];

export class MailContextError extends Error {
  constructor(
    readonly template: string,
    readonly problems: string[],
  ) {
    super(`Mail ${template} has an invalid context: ${problems.join('; ')}`);
    this.name = 'MailContextError';
  }
}

export function isMailTemplate(value: string): value is MailTemplate {
  return Object.prototype.hasOwnProperty.call(MAIL_CONTEXT_SCHEMAS, value);
}

/** Validates a context against its template; queued contexts arrive as untyped JSON. */
export function parseMailContext<T extends MailTemplate>(template: T, context: unknown): MailContexts[T] {
  if (!isMailTemplate(template)) throw new MailContextError(String(template), ['unknown template']);
  const parsed = MAIL_CONTEXT_SCHEMAS[template].safeParse(context);
  if (!parsed.success) {
    throw new MailContextError(
      template,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(context)'} ${issue.message}`),
    );
  }
  return parsed.data as MailContexts[T];
}
