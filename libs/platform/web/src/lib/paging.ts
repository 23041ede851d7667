import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

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

/** The most rows one page of an API list returns. */
export const MAX_PAGE_SIZE = 100;

/** `?page=&pageSize=` of the API's lists; a list with filters extends it. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_NUMBER, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_NUMBER)
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize = 20;
}
