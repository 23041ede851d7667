import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Deeper than anything Probity accepts: a SurveyJS questionnaire, the deepest input, nests about a
 * dozen levels. Deeper input is refused before validation, whose recursion would overflow the stack.
 */
export const MAX_INPUT_DEPTH = 64;

/** A UTF-16 surrogate without its partner: JSON can carry one (`"\ud800"`), UTF-8 and PostgreSQL cannot. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface InputProblem {
  /** What was refused, as the client named it: `scope_purpose`, `answers.q1[2]`, `page`. */
  field: string;
  message: string;
}

function textProblem(text: string): string | null {
  // PostgreSQL text and jsonb cannot hold 0x00 ("invalid byte sequence for encoding UTF8: 0x00").
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored; remove it';
  if (LONE_SURROGATE.test(text)) return 'contains invalid Unicode (an unpaired surrogate); send well-formed UTF-8 text';
  return null;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (!value || typeof value !== 'object') return false;
  // Plain objects only (multer's fields object has no prototype); Buffers, Dates and class instances are not input text.
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function childName(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * The first string in `value` that PostgreSQL cannot store, or a nesting deeper than
 * MAX_INPUT_DEPTH. Walks with its own stack, so hostile depth cannot overflow this check either.
 */
export function findInputProblem(value: unknown, name = ''): InputProblem | null {
  const pending: Array<{ value: unknown; name: string; depth: number }> = [{ value, name, depth: 0 }];
  while (pending.length > 0) {
    const current = pending.pop() as { value: unknown; name: string; depth: number };
    if (typeof current.value === 'string') {
      const problem = textProblem(current.value);
      if (problem) return { field: current.name, message: problem };
      continue;
    }
    if (!isContainer(current.value)) continue;
    if (current.depth >= MAX_INPUT_DEPTH)
      // Named by its top-level field: the full path would be dozens of levels long.
      return {
        field: /^[^.[]*/.exec(current.name)?.[0] ?? '',
        message: `is nested more than ${MAX_INPUT_DEPTH} levels deep`,
      };
    const entries: Array<[string | number, unknown]> = Array.isArray(current.value)
      ? current.value.map((item, index) => [index, item])
      : Object.entries(current.value);
    for (const [key, inner] of entries) {
      if (typeof key === 'string' && textProblem(key))
        return { field: current.name || 'the request', message: `has a field name that ${textProblem(key)}` };
      pending.push({ value: inner, name: childName(current.name, key), depth: current.depth + 1 });
    }
  }
  return null;
}

type InputPart = 'field' | 'query parameter' | 'address';

function refusal(part: InputPart, problem: InputProblem): BadRequestException {
  const subject = problem.field ? `The ${part} "${problem.field}"` : part === 'address' ? 'The address' : 'The request';
  return new BadRequestException(`${subject} ${problem.message}.`);
}

/** The path's segments as the router will decode them; a segment that is not valid UTF-8 is the router's to refuse. */
function decodedSegments(path: string): string[] {
  return path.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return '';
    }
  });
}

/**
 * Refuses, with a 400 naming the field, input that would otherwise reach PostgreSQL or validation
 * and fail there with a 500: NUL characters and lone surrogates in the path, the query or a parsed
 * JSON or form body, and bodies nested deeper than MAX_INPUT_DEPTH. Runs once for every route,
 * signed in or not, after the body parsers; multipart fields are parsed later, per route, and
 * checked by UnstorableInputPipe.
 */
export function rejectUnstorableInput(request: Request, _response: Response, next: NextFunction): void {
  const inPath = decodedSegments(request.path).find((segment) => textProblem(segment));
  if (inPath !== undefined) return next(refusal('address', { field: '', message: textProblem(inPath) ?? '' }));
  const inQuery = findInputProblem(request.query);
  if (inQuery) return next(refusal('query parameter', inQuery));
  const inBody = findInputProblem(request.body);
  if (inBody) return next(refusal('field', inBody));
  next();
}

function isUploadedFile(value: unknown): value is Express.Multer.File {
  return (
    isContainer(value) && typeof (value as { originalname?: unknown }).originalname === 'string' && 'buffer' in value
  );
}

/** The same check for what route-level parsers (multer: multipart fields, file names) hand to handlers. */
@Injectable()
export class UnstorableInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (isUploadedFile(value)) {
      const problem = textProblem(value.originalname);
      if (problem) throw new BadRequestException(`The file name ${problem}.`);
      return value;
    }
    // A custom decorator's data is its option (FormBody('fields')), not the name the client sent.
    const problem = findInputProblem(value, metadata.type === 'custom' ? '' : (metadata.data ?? ''));
    if (problem) throw refusal(metadata.type === 'query' ? 'query parameter' : 'field', problem);
    return value;
  }
}
