import Handlebars from 'handlebars';
import { QUEUED_MAIL_TEMPLATES } from '@probity/queue';
import { MAIL_TEMPLATES, MailContextError, MailContexts, MailTemplate } from './mail-contexts';
import { renderMail } from './render-mail';

const HASH = 'c0ffee'.repeat(10) + 'abcd';

const SAMPLES: { [T in MailTemplate]: MailContexts[T] } = {
  invite: {
    organisationName: 'Northwind Vision Analytics',
    agencyName: 'Metropolitan Police Service',
    caseTitle: 'Automated number-plate recognition',
    caseReference: 'PROC-2026-0142',
    portalUrl: 'https://probity.example/portal/invite/tok_abc123?lang=en&x=1',
    responsesDue: '2026-12-04T17:00:00.000Z',
  },
  reminder: {
    organisationName: 'Northwind Vision Analytics',
    agencyName: 'Metropolitan Police Service',
    caseTitle: 'Automated number-plate recognition',
    caseReference: 'PROC-2026-0142',
    responsesDue: '2026-12-04T17:00:00.000Z',
    daysLeft: 3,
  },
  'clarification-published': {
    agencyName: 'Metropolitan Police Service',
    caseTitle: 'Automated number-plate recognition',
    caseReference: 'PROC-2026-0142',
    question: 'May we submit the bias audit as a PDF rather than a spreadsheet?',
    answer: 'Yes. Any of the accepted evidence formats listed in section 4 may be used.',
    publishedAt: '2026-11-24T09:30:00.000Z',
  },
  'method-amendment': {
    agencyName: 'Metropolitan Police Service',
    caseTitle: 'Automated number-plate recognition',
    caseReference: 'PROC-2026-0142',
    amendmentNumber: 2,
    reason: 'The fairness weight was published with a typing error.',
    changes: [{ criterion: 'Fairness', before: '20', after: '25' }],
    methodHash: HASH,
    responsesDue: '2026-12-04T17:00:00.000Z',
    deadlineExtended: true,
    publishedAt: '2026-11-24T09:30:00.000Z',
  },
  'submission-receipt': {
    organisationName: 'Northwind Vision Analytics',
    agencyName: 'Metropolitan Police Service',
    caseTitle: 'Automated number-plate recognition',
    caseReference: 'PROC-2026-0142',
    submissionHash: HASH,
    submittedAt: '2026-12-01T11:15:00.000Z',
  },
  'sign-off-request': {
    reviewerName: 'Amira Haddad',
    agencyName: 'Metropolitan Police Service',
    caseTitle: 'Automated number-plate recognition',
    caseReference: 'PROC-2026-0142',
    reviewUrl: 'https://probity.example/cases/42/dossier/review',
  },
  'evaluation-invite': {
    evaluatorName: 'Eero Evaluator',
    agencyName: 'Metropolitan Police Service',
    caseTitle: 'Automated number-plate recognition',
    caseReference: 'PROC-2026-0142',
    evaluationUrl: 'https://probity.example/cases/42/evaluation',
  },
  'monitoring-reminder': {
    ownerName: 'Olga Officer',
    agencyName: 'Metropolitan Police Service',
    caseTitle: 'Automated number-plate recognition',
    caseReference: 'PROC-2026-0142',
    checkTitle: 'Bias re-test across groups of people',
    basis: 'AI Act Art. 10; MCC-AI Art. 3',
    dueOn: '2027-06-30',
    caseUrl: 'https://probity.example/cases/42/readiness',
  },
  'monitoring-summary': {
    officerName: 'Olga Officer',
    agencyName: 'Metropolitan Police Service',
    caseTitle: 'Automated number-plate recognition',
    caseReference: 'PROC-2026-0142',
    month: '2027-07',
    overdue: [{ title: 'Bias re-test across groups of people', dueOn: '2027-06-30', owner: 'Dana Data Scientist' }],
    upcoming: [
      { title: 'Incident log review and serious-incident reporting', dueOn: '2027-07-31', owner: 'Olga Officer' },
    ],
    caseUrl: 'https://probity.example/cases/42/readiness',
  },
  'account-locked': {
    name: 'Amira Haddad',
    lockedMinutes: 2,
    resetUrl: 'https://probity.example/password-reset',
  },
  'password-reset': {
    name: 'Amira Haddad',
    resetUrl: 'https://probity.example/password-reset/tok_secret',
    expiresInMinutes: 30,
  },
};

/** The values a reader must find in the mail, as they appear in text (HTML escapes `&`). */
function expectedValues(template: MailTemplate): string[] {
  const context = SAMPLES[template] as Record<string, unknown>;
  return Object.entries(context).flatMap(([key, value]) => {
    // A list prints each of its values; a flag chooses a sentence rather than printing itself.
    if (Array.isArray(value)) return value.flatMap((item) => Object.values(item as object).map(String));
    if (typeof value === 'boolean') return [];
    if (key === 'responsesDue') return 'Friday, 4 December 2026 at 17:00 UTC';
    if (key === 'publishedAt') return 'Tuesday, 24 November 2026 at 09:30 UTC';
    if (key === 'submittedAt') return 'Tuesday, 1 December 2026 at 11:15 UTC';
    return String(value);
  });
}

const htmlEscaped = (value: string) => Handlebars.escapeExpression(value);

describe('renderMail', () => {
  it.each(MAIL_TEMPLATES)('renders %s with every context value in the text and HTML parts', (template) => {
    const mail = renderMail(template, SAMPLES[template] as never);
    expect(mail.subject.length).toBeGreaterThan(10);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    for (const value of expectedValues(template)) {
      expect(mail.text).toContain(value);
      expect(mail.html).toContain(htmlEscaped(value));
    }
    expect(mail.text).not.toMatch(/\{\{|&amp;|&lt;/);
    expect(mail.html).not.toContain('{{');
  });

  it.each(MAIL_TEMPLATES)('gives the %s HTML a language, a title, one h1 and a sender footer', (template) => {
    const { subject, html } = renderMail(template, SAMPLES[template] as never);
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en"/);
    expect(html).toContain(`<title>${htmlEscaped(subject)}</title>`);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('Replies to this address are not read.');
  });

  it('names the case in the subjects of case mails', () => {
    const accountMails = ['password-reset', 'account-locked'];
    for (const template of MAIL_TEMPLATES.filter((name) => !accountMails.includes(name))) {
      expect(renderMail(template, SAMPLES[template] as never).subject).toContain('PROC-2026-0142');
    }
  });

  it('links the invite to the portal with link text that says where it goes, in both parts', () => {
    const { text, html } = renderMail('invite', SAMPLES.invite);
    expect(html).toContain(`<a href="${htmlEscaped(SAMPLES.invite.portalUrl)}"`);
    expect(html).toMatch(/<a href="[^"]+"[^>]*>Open your response portal for tender PROC-2026-0142<\/a>/);
    expect(text).toContain(`\n${SAMPLES.invite.portalUrl}\n`);
  });

  it('does not repeat any portal link in reminders', () => {
    const { text, html } = renderMail('reminder', SAMPLES.reminder);
    expect(html).not.toContain('<a ');
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('says "1 day" and "3 days"', () => {
    expect(renderMail('reminder', { ...SAMPLES.reminder, daysLeft: 1 }).subject).toContain('within 1 day –');
    expect(renderMail('reminder', SAMPLES.reminder).subject).toContain('within 3 days –');
  });

  it('escapes markup in every user-provided field of the HTML part and keeps it verbatim in text', () => {
    const hostile = '<script>alert("x")</script>';
    const renders = [
      renderMail('invite', { ...SAMPLES.invite, organisationName: hostile, caseTitle: hostile, agencyName: hostile }),
      renderMail('clarification-published', {
        ...SAMPLES['clarification-published'],
        question: hostile,
        answer: hostile,
      }),
      renderMail('sign-off-request', { ...SAMPLES['sign-off-request'], reviewerName: hostile }),
      renderMail('password-reset', { ...SAMPLES['password-reset'], name: hostile }),
    ];
    for (const { html, text } of renders) {
      expect(html).not.toContain('<script');
      expect(html).toContain(htmlEscaped(hostile));
      expect(text).toContain(hostile);
    }
  });

  it('keeps a case title with line breaks out of the subject header', () => {
    const { subject } = renderMail('reminder', {
      ...SAMPLES.reminder,
      caseTitle: 'Line one\r\nBcc: victim@example.com',
    });
    expect(subject).toBe('Reminder: response due within 3 days – PROC-2026-0142 Line one Bcc: victim@example.com');
  });

  it('refuses links that are not http(s) and contexts with missing values', () => {
    expect(() => renderMail('invite', { ...SAMPLES.invite, portalUrl: 'javascript:alert(1)' })).toThrow(
      /portalUrl must be an absolute http\(s\) URL/,
    );
    const { caseTitle: _caseTitle, ...withoutTitle } = SAMPLES.reminder;
    expect(() => renderMail('reminder', withoutTitle as MailContexts['reminder'])).toThrow(MailContextError);
    expect(() => renderMail('reminder', withoutTitle as MailContexts['reminder'])).toThrow(/caseTitle/);
  });

  it('tells of a method amendment in English, French, Spanish and Arabic, with the new method hash', () => {
    const mail = renderMail('method-amendment', SAMPLES['method-amendment']);
    expect(mail.subject).toBe(
      'Amendment 2 of the evaluation method: PROC-2026-0142 – Automated number-plate recognition',
    );
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(HASH);
      expect(part).toContain('The fairness weight was published with a typing error.');
      expect(part).toContain('Fairness');
      expect(part).toMatch(/20\D+25/);
    }
    expect(mail.html).toMatch(/<div lang="fr"[^>]*>[\s\S]*Modification n° 2/);
    expect(mail.html).toMatch(/<div lang="es"[^>]*>[\s\S]*Modificación n.º 2/);
    expect(mail.html).toMatch(/<div lang="ar" dir="rtl"[^>]*>[\s\S]*التعديل رقم 2/);
    expect(mail.text).toContain('La date limite de réponse est reportée');
    expect(
      renderMail('method-amendment', { ...SAMPLES['method-amendment'], deadlineExtended: false }).text,
    ).not.toContain('La date limite de réponse est reportée');
  });

  it('gives providers the published method hash in the invitation', () => {
    const mail = renderMail('invite', { ...SAMPLES.invite, methodHash: HASH });
    expect(mail.text).toContain(HASH);
    expect(mail.html).toContain(HASH);
  });

  it('lets exactly the mails without secret links through the queue', () => {
    expect([...QUEUED_MAIL_TEMPLATES].sort()).toEqual(
      MAIL_TEMPLATES.filter((name) => name !== 'invite' && name !== 'password-reset').sort(),
    );
  });

  it('words the password link for a new account differently from a reset', () => {
    const created = renderMail('password-reset', { ...SAMPLES['password-reset'], newAccount: true });
    expect(created.subject).toBe('Choose the password of your new Probity account');
    expect(created.text).toContain('has created a staff account for you');
    expect(created.text).not.toContain('We received a request to reset');
    expect(created.html).toContain(SAMPLES['password-reset'].resetUrl);
    expect(renderMail('password-reset', SAMPLES['password-reset']).subject).toBe('Reset your Probity password');
  });
});
