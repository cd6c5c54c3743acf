import fc from 'fast-check';
import { InvalidInput } from '@alongside/platform/security';
import { decodeCursor, encodeCursor, pageOf, type Page } from './page';

type Row = { id: string };
const sortedRows = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 40 })
  .map((ids) => ids.sort().map((id) => ({ id })));

/** What a store does with `WHERE id > :after ORDER BY id LIMIT :limit + 1`. */
const fetch = (rows: readonly Row[], after: string[] | null, limit: number) =>
  rows.filter((row) => after === null || row.id > after[0]).slice(0, limit + 1);

const refusal = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    return error instanceof InvalidInput ? error.errors : error;
  }
  return 'not refused';
};

describe('Paging by cursor', () => {
  it('walks every row once, in order, at most limit a page, and stops with no cursor', () =>
    fc.assert(
      fc.property(sortedRows, fc.integer({ min: 1, max: 12 }), (rows, limit) => {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page: Page<string> = pageOf(
            fetch(rows, decodeCursor(cursor, 1), limit),
            limit,
            (r) => r.id,
            (r) => [r.id],
          );
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items);
          cursor = page.nextCursor ?? undefined;
          pages++;
        } while (cursor !== undefined);
        expect(seen).toEqual(rows.map((r) => r.id));
        // No empty page at the end: the extra row fetched says whether another page exists.
        expect(pages).toBe(Math.max(1, Math.ceil(rows.length / limit)));
      }),
    ));

  it('gives back the key a cursor was made from', () =>
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), (key) => {
        expect(decodeCursor(encodeCursor(key), key.length)).toEqual(key);
      }),
    ));

  it('reads no cursor as the first page', () => expect(decodeCursor(undefined, 2)).toBeNull());

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['a key of another length', encodeCursor(['a', 'b'])],
    ['a key that is not strings', Buffer.from(JSON.stringify([1])).toString('base64url')],
    ['an object', Buffer.from(JSON.stringify({ id: 'a' })).toString('base64url')],
  ])('refuses %s as a 400 naming the cursor field', (_what, cursor) =>
    expect(refusal(() => decodeCursor(cursor, 1))).toEqual([
      { field: 'cursor', rule: 'isCursor', message: 'cursor is not one this service gave' },
    ]),
  );
});
