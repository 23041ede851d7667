import { HttpException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';

/** A step a page refused: the messages to show above the form and the status to answer with. */
export interface PageRefusal {
  errors: string[];
  status: number;
  error: HttpException;
}

/**
 * The one exception-to-page fallback of the officer's pages: a 4xx (or a 503 the officer can retry, such
 * as an e-mail that could not be sent) is shown on the page it came from; anything else propagates to
 * the error page.
 */
export function pageRefusalOf(error: unknown): PageRefusal {
  if (!(error instanceof HttpException)) throw error;
  const status = error.getStatus();
  if (status >= 500 && status !== 503) throw error;
  const body = error.getResponse();
  const message = typeof body === 'object' && body !== null && 'message' in body ? body.message : error.message;
  const errors = (Array.isArray(message) ? message : [message]).map((item: unknown) =>
    typeof item === 'object' && item !== null && 'message' in item ? String(item.message) : String(item),
  );
  return { errors, status, error };
}

function messagesOf(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [...Object.values(error.constraints ?? {}), ...messagesOf(error.children ?? [])]);
}

/** A form's fields checked against the API's DTO, so page and API refuse the same input with the same words. */
export async function checkedForm<T extends object>(
  dto: new () => T,
  plain: object,
): Promise<{ value: T; problems: string[] }> {
  const value = plainToInstance(dto, plain);
  return { value, problems: messagesOf(await validate(value)) };
}

/** A refused form, rendered again at the address it posted to: what was typed, and each problem beside its field. */
export interface FormRefusal {
  status: number;
  /** Every field as it was typed, so nothing is lost. */
  values: Record<string, string>;
  /** The error summary's lines, each linking to the field it is about (`href` null when it names none). */
  summary: Array<{ message: string; href: string | null }>;
  /** The problems shown beside each field, by field name (several joined with a space). */
  fieldErrors: Record<string, string>;
}

/**
 * The one way a page shows a refused form: the refusal's messages (from `pageRefusalOf` or the page's own
 * checks) matched to the form's fields by the words they start with (`fields`: field name → pattern), each
 * linked from the summary to the field's element id (`idOf`). A message naming no field stays in the summary.
 */
export function formRefusal(
  refusal: { errors: string[]; status: number },
  form: { values: Record<string, string>; fields: Record<string, RegExp>; idOf: (field: string) => string },
): FormRefusal {
  const fieldErrors: Record<string, string> = {};
  const summary = refusal.errors.map((message) => {
    const field = Object.keys(form.fields).find((name) => form.fields[name].test(message));
    if (!field) return { message, href: null };
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ${message}` : message;
    return { message, href: `#${form.idOf(field)}` };
  });
  return { status: refusal.status, values: { ...form.values }, summary, fieldErrors };
}

/**
 * A page's form step, post/redirect/get: when `step` succeeds the browser is sent on (303) to `then`;
 * a refusal the person can act on is shown by `refused`, on the page it came from (`pageRefusalOf`).
 */
export async function runPageStep(
  response: { redirect(status: number, url: string): void },
  step: () => Promise<unknown>,
  then: string,
  refused: (refusal: PageRefusal) => Promise<unknown>,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    await refused(pageRefusalOf(error));
    return;
  }
  response.redirect(303, then);
}
