import { BadRequestException } from '@nestjs/common';

/**
 * No list in Probity comes near a million pages. The bound keeps the row offset ((page − 1) × size)
 * inside PostgreSQL's bigint: `?page=99999999999999999999` otherwise fails the query ("bigint out of
 * range") with a 500.
 */
export const MAX_PAGE_NUMBER = 1_000_000;

/**
 * The page a list page's `?page=` asks for. Missing or not a number means the first page, as a
 * hand-edited link deserves; a number beyond MAX_PAGE_NUMBER is refused with a 400 that says so.
 */
export function pageNumberOf(parameter: unknown): number {
  const page = typeof parameter === 'string' ? Number.parseInt(parameter, 10) : Number.NaN;
  if (!Number.isFinite(page) || page < 1) return 1;
  if (page > MAX_PAGE_NUMBER)
    throw new BadRequestException(`There is no page ${parameter}: page must not be greater than ${MAX_PAGE_NUMBER}.`);
  return page;
}
