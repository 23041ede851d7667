import { PanelMember } from '@probity/cases';
import { CORE_PRINCIPLES } from '@probity/rubric';
import { scopeFromForm } from './case-scope-form';

/** A list typed into a text field (spaces, commas or semicolons between items) or sent as repeated fields. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/[\s,;]+/).filter(Boolean) : [];
}

/** The new-case form's fields in the shape of the API's CreateCaseDto (dates are due at the day's end, UTC). */
export function caseFromForm(form: Record<string, string>) {
  return {
    reference: form.reference?.trim(),
    title: form.title?.trim(),
    description: form.description?.trim(),
    intendedUse: form.intendedUse?.trim(),
    aiActClassification: scopeFromForm(form),
    estimatedValue: form.estimatedValue ? Number(form.estimatedValue) : undefined,
    currency: form.currency?.trim() || undefined,
    questionsDue: form.questionsDue ? `${form.questionsDue}T23:59:59.000Z` : undefined,
    responsesDue: form.responsesDue ? `${form.responsesDue}T23:59:59.000Z` : '',
    criteriaWeights: Object.fromEntries(
      CORE_PRINCIPLES.map((principle) => [principle.id, Number(form[`weight_${principle.id}`])]),
    ),
    questionnaireKey: form.questionnaireKey,
  };
}

/** The invite form's fields in the shape of the API's InviteProviderDto. */
export function inviteFromForm(form: Record<string, string>) {
  const legalIdentifiers: Record<string, string> = {};
  if (form.vat?.trim()) legalIdentifiers.VAT = form.vat.trim();
  if (form.lei?.trim()) legalIdentifiers.LEI = form.lei.trim();
  return {
    organisationName: form.organisationName?.trim(),
    country: form.country?.trim() ?? '',
    legalIdentifiers,
    contactEmails: asList(form.contactEmails),
  };
}

/** The panel form's ticked evaluators and legal reviewers. */
export function panelFromForm(form: Record<string, unknown>): PanelMember[] {
  return [
    ...asList(form.evaluators).map((userId) => ({ userId, role: 'evaluator' as const })),
    ...asList(form.legalReviewers).map((userId) => ({ userId, role: 'legal_reviewer' as const })),
  ];
}
