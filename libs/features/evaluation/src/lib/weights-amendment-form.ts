import { AmendmentRequest, ProcurementCase } from '@probity/cases';
import { CORE_PRINCIPLES } from '@probity/rubric';

/** The weights the form sent, one per core principle (a missing one is NaN and refused by the validator). */
export function weightsOf(form: Record<string, string>): Record<string, number> {
  return Object.fromEntries(CORE_PRINCIPLES.map((p) => [p.id, Number(form[`weight_${p.id}`])]));
}

/**
 * The amendment fields of the form. The new deadline is a datetime-local value, read as UTC (the
 * label says so); left empty, the deadline stays as it is.
 */
export function amendmentRequestOf(form: Record<string, string>): AmendmentRequest {
  const due = form.responsesDue?.trim();
  return {
    reason: form.reason,
    responsesDue: due ? new Date(/(Z|[+-]\d\d:\d\d)$/.test(due) ? due : `${due}Z`) : undefined,
  };
}

/** What the officer confirms before an amendment goes to every provider (dialog, or a page without JavaScript). */
export function amendmentConfirmation(found: ProcurementCase) {
  return {
    title: `Publish an amendment of the method of ${found.reference}?`,
    body: [
      'The tender is published: changing the award criteria weights is an amendment of the procurement documents.',
      'It is numbered, recorded with your reason and e-mailed at once to every invited provider, with the new method hash; the portal and the evaluation dossier list it. It cannot be withdrawn.',
      'If providers need time to take it into account, extend the response deadline in the same step.',
    ],
    confirmLabel: 'Publish the amendment',
    danger: false,
  };
}
