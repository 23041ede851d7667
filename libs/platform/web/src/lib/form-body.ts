import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** The request body as an object: `{}` when no parser ran (an unexpected content type) or it is not an object. */
export function formObjectOf(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  // Own entries only, on a fresh object: nothing inherited, nothing to pollute.
  return Object.fromEntries(Object.entries(body));
}

/** Only the single-valued text fields of a form: a repeated field or a JSON object in its place is dropped. */
export function formFieldsOf(body: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(formObjectOf(body)).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * A page form's body, whatever was actually sent. Page handlers read fields as strings; junk bodies
 * (JSON arrays, nested objects, repeated fields, no body at all) then fail validation with a 4xx
 * instead of a TypeError and a 500. `FormBody('fields')` keeps only single text fields.
 */
export const FormBody = createParamDecorator((shape: 'fields' | 'any' | undefined, context: ExecutionContext) => {
  const body = context.switchToHttp().getRequest<Request>().body as unknown;
  return shape === 'fields' ? formFieldsOf(body) : formObjectOf(body);
});
