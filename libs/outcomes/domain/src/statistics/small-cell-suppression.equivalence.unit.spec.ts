import fc from 'fast-check';
import { suppressSmallCells, type CountTable } from './small-cell-suppression';
import { suppressSmallCellsReference } from './small-cell-suppression.reference';

/** The faster search (one bridge search per step) must hide exactly what the per-entry search hid. */
describe('Small-cell suppression, fast against the reference', () => {
  const tablesOf = (rowCounts: { min: number; max: number }, maxColumns: number, maxCount: number) =>
    fc
      .record({
        r: fc.integer(rowCounts),
        c: fc.integer({ min: 1, max: maxColumns }),
        rowTotals: fc.boolean(),
        columnTotals: fc.boolean(),
        hides: fc.boolean(),
      })
      .chain(({ r, c, rowTotals, columnTotals, hides }) => {
        const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 11, max: maxCount }));
        return fc.record({
          rows: fc.constant(Array.from({ length: r }, (_, i) => `row ${i}`)),
          columns: fc.constant(Array.from({ length: c }, (_, j) => `column ${j}`)),
          cells: fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
          rowTotals: fc.constant(rowTotals),
          columnTotals: fc.constant(columnTotals),
          ...(hides ? { alsoHide: fc.array(fc.array(fc.boolean(), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }) } : {}),
        });
      }) as fc.Arbitrary<CountTable>;
  const same = (table: CountTable) => expect(suppressSmallCells(table)).toEqual(suppressSmallCellsReference(table));

  it('publishes the same cells on small tables', () => {
    fc.assert(fc.property(tablesOf({ min: 1, max: 6 }, 6, 60), same), { numRuns: 3000 });
  });

  it('publishes the same cells on mid-sized tables', () => {
    fc.assert(fc.property(tablesOf({ min: 7, max: 40 }, 7, 400), same), { numRuns: 300 });
  });

  it('publishes the same cells on tables as long as the analyst tables by site', () => {
    fc.assert(fc.property(tablesOf({ min: 90, max: 110 }, 7, 100), same), { numRuns: 40 });
  });
});
