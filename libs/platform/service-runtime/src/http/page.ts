import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { InvalidCursor } from './invalid-cursor';

/** `?cursor=&limit=`: cursors are opaque to clients; they carry the last row's sort key. */
export class PageQuery {
  @ApiPropertyOptional({ description: "The previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export type Page<T> = Readonly<{ items: T[]; nextCursor: string | null }>;

export const DEFAULT_LIMIT = 50;

export const encodeCursor = (key: readonly string[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/** The sort key a cursor carries, `parts` strings long; null without one; a 400 for one we did not give. */
export const decodeCursor = (cursor: string | undefined, parts: number): string[] | null => {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts && key.every((k) => typeof k === 'string'))
      return key as string[];
  } catch {
    // not ours: refused below
  }
  throw new InvalidCursor();
};

/** Rows fetched with limit + 1: the extra row says whether there is a next page. */
export const pageOf = <R, T>(
  rows: readonly R[],
  limit: number,
  toItem: (row: R) => T,
  keyOf: (row: R) => string[],
): Page<T> => {
  const items = rows.slice(0, limit);
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && items.length > 0 ? encodeCursor(keyOf(items[items.length - 1])) : null,
  };
};
