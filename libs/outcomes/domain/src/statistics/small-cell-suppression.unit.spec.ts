import fc from 'fast-check';
import { derivedFrom, hidden, published, suppressSmallCells, type CountTable, type Published, type SuppressedTable } from './small-cell-suppression';

const S = hidden;
const n = published;

describe('Small-cell suppression', () => {
  it('hides the whole interior of a 2×2 table with one small cell, keeping the margins', () => {
    // Hiding only the 3 would leave it as 28 − 25; its row partner, column partner and the
    // opposite corner must go too (a cycle 25–3–40–30), and then no total gives any of them away.
    const table = suppressSmallCells({
      rows: ['north', 'south'],
      columns: ['completed', 'left'],
      cells: [[25, 3], [30, 40]],
      rowTotals: true,
      columnTotals: true,
    });
    expect(table.cells).toEqual([[S, S], [S, S]]);
    expect(table.rowTotals).toEqual([n(28), n(70)]);
    expect(table.columnTotals).toEqual([n(55), n(43)]);
    expect(table.grandTotal).toEqual(n(98));
  });

  it('publishes zeros and counts above 10 untouched', () => {
    const table = suppressSmallCells({ rows: ['a', 'b'], columns: ['x', 'y'], cells: [[0, 12], [15, 20]], rowTotals: true, columnTotals: true });
    expect(table.cells).toEqual([[n(0), n(12)], [n(15), n(20)]]);
    expect(table.grandTotal).toEqual(n(47));
  });

  it('hides a second site in a column of counts with a published total', () => {
    const table = suppressSmallCells({ rows: ['north', 'small', 'south'], columns: ['admissions'], cells: [[120], [4], [35]], rowTotals: false, columnTotals: true });
    expect(table.cells).toEqual([[n(120)], [S], [S]]);
    expect(table.columnTotals).toEqual([n(159)]);
    expect(table.rowTotals).toBeNull();
    expect(table.grandTotal).toBeNull();
  });

  it('hides totals of 1 to 10 as well', () => {
    const table = suppressSmallCells({ rows: ['a', 'b'], columns: ['x', 'y'], cells: [[4, 0], [2, 30]], rowTotals: true, columnTotals: true });
    expect(table.rowTotals?.[0]).toEqual(S);
    expect(table.columnTotals?.[0]).toEqual(S);
    expect(table.cells[0][1]).toEqual(n(0));
    expectNothingDerivable({ rows: ['a', 'b'], columns: ['x', 'y'], cells: [[4, 0], [2, 30]], rowTotals: true, columnTotals: true }, table);
  });

  it('hides cells it is told to, and protects them from the total like small counts', () => {
    // Participant-days of a site whose head count is hidden: 140 must go, and a partner with it.
    const table = suppressSmallCells({
      rows: ['north', 'small', 'south'],
      columns: ['participant-days'],
      cells: [[9000], [140], [5200]],
      rowTotals: false,
      columnTotals: true,
      alsoHide: [[false], [true], [false]],
    });
    expect(table.cells).toEqual([[n(9000)], [S], [S]]);
    expect(table.columnTotals).toEqual([n(14340)]);
  });

  it('suppresses a rate whose numerator or denominator is suppressed', () => {
    expect(derivedFrom([n(12), n(3000)], (e, d) => (e / d) * 1000)).toEqual(n(4));
    expect(derivedFrom([S, n(3000)], (e, d) => (e / d) * 1000)).toEqual(S);
    expect(derivedFrom([n(12), S], (e, d) => (e / d) * 1000)).toEqual(S);
  });

  describe('on any table', () => {
    const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 11, max: 60 }));
    const tables = fc
      .record({ r: fc.integer({ min: 1, max: 5 }), c: fc.integer({ min: 1, max: 5 }), rowTotals: fc.boolean(), columnTotals: fc.boolean() })
      .chain(({ r, c, rowTotals, columnTotals }) =>
        fc.record({
          rows: fc.constant(Array.from({ length: r }, (_, i) => `row ${i}`)),
          columns: fc.constant(Array.from({ length: c }, (_, j) => `column ${j}`)),
          cells: fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
          rowTotals: fc.constant(rowTotals),
          columnTotals: fc.constant(columnTotals),
        }),
      );

    it('never publishes a count from 1 to 10 and publishes every other value truthfully', () => {
      fc.assert(
        fc.property(tables, (table) => {
          const result = suppressSmallCells(table);
          for (const [truth, shown] of pairs(table, result)) {
            if (!shown.suppressed) {
              expect(shown.value).toBe(truth);
              expect(truth >= 1 && truth <= 10).toBe(false);
            } else {
              expect(shown.value).toBeNull();
            }
          }
        }),
        { numRuns: 300 },
      );
    });

    it('leaves no published line with exactly one hidden entry', () => {
      fc.assert(
        fc.property(tables, (table) => {
          const result = suppressSmallCells(table);
          for (const line of publishedLines(table, result)) {
            expect(line.filter((p) => p.suppressed).length).not.toBe(1);
          }
        }),
        { numRuns: 300 },
      );
    });

    it('leaves no hidden value that the published figures determine (linear-algebra reference)', () => {
      fc.assert(
        fc.property(tables, (table) => expectNothingDerivable(table, suppressSmallCells(table))),
        { numRuns: 300 },
      );
    });
  });
});

/** Every (truth, shown) pair: interior cells, row totals, column totals, grand total. */
const pairs = (table: CountTable, result: SuppressedTable): [number, Published][] => {
  const rowSums = table.cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = table.columns.map((_, j) => table.cells.reduce((a, row) => a + row[j], 0));
  return [
    ...table.cells.flatMap((row, i) => row.map((value, j): [number, Published] => [value, result.cells[i][j]])),
    ...(result.rowTotals ?? []).map((shown, i): [number, Published] => [rowSums[i], shown]),
    ...(result.columnTotals ?? []).map((shown, j): [number, Published] => [columnSums[j], shown]),
    ...(result.grandTotal ? [[rowSums.reduce((a, b) => a + b, 0), result.grandTotal] as [number, Published]] : []),
  ];
};

/** Each line whose total is published, as its entries including that total. */
const publishedLines = (table: CountTable, result: SuppressedTable): Published[][] => [
  ...(result.rowTotals ? result.cells.map((row, i) => [...row, result.rowTotals![i]]) : []),
  ...(result.columnTotals ? table.columns.map((_, j) => [...result.cells.map((row) => row[j]), result.columnTotals![j]]) : []),
  ...(result.grandTotal ? [[...result.columnTotals!, result.grandTotal], [...result.rowTotals!, result.grandTotal]] : []),
];

/**
 * The reference attacker: unknowns are the hidden entries; every published total is an equation.
 * A hidden value is determined exactly when its unit vector lies in the row space of the equations
 * restricted to the unknowns, i.e. when dropping its column lowers the rank by one.
 */
const expectNothingDerivable = (table: CountTable, result: SuppressedTable): void => {
  const r = table.rows.length;
  const c = table.columns.length;
  const unknowns: string[] = [];
  const isHidden = (i: number, j: number): boolean => {
    if (i < r && j < c) return result.cells[i][j].suppressed;
    if (i < r && j === c) return result.rowTotals![i].suppressed;
    if (i === r && j < c) return result.columnTotals![j].suppressed;
    return result.grandTotal!.suppressed;
  };
  const key = (i: number, j: number) => `${i}:${j}`;
  const equations: Map<string, number>[] = [];
  const equation = (members: [number, number, number][]) => {
    const row = new Map<string, number>();
    for (const [i, j, coefficient] of members) if (isHidden(i, j)) row.set(key(i, j), coefficient);
    equations.push(row);
  };
  const range = (k: number) => Array.from({ length: k }, (_, x) => x);
  if (result.rowTotals) for (const i of range(r)) equation([...range(c).map((j): [number, number, number] => [i, j, 1]), [i, c, -1]]);
  if (result.columnTotals) for (const j of range(c)) equation([...range(r).map((i): [number, number, number] => [i, j, 1]), [r, j, -1]]);
  if (result.grandTotal) {
    equation([...range(c).map((j): [number, number, number] => [r, j, 1]), [r, c, -1]]);
    equation([...range(r).map((i): [number, number, number] => [i, c, 1]), [r, c, -1]]);
  }
  for (let i = 0; i <= r; i++) for (let j = 0; j <= c; j++) {
    const exists = (i < r && j < c) || (i < r && j === c && result.rowTotals) || (i === r && j < c && result.columnTotals) || (i === r && j === c && result.grandTotal);
    if (exists && isHidden(i, j)) unknowns.push(key(i, j));
  }
  const matrix = (columns: string[]) => equations.map((eq) => columns.map((u) => eq.get(u) ?? 0));
  const full = rank(matrix(unknowns));
  for (const unknown of unknowns) {
    const without = rank(matrix(unknowns.filter((u) => u !== unknown)));
    if (full - without === 1) throw new Error(`hidden entry ${unknown} can be recomputed from the published totals`);
  }
};

const rank = (rows: number[][]): number => {
  const m = rows.map((row) => [...row]);
  let rankSoFar = 0;
  const width = m[0]?.length ?? 0;
  for (let col = 0; col < width && rankSoFar < m.length; col++) {
    let pivot = rankSoFar;
    for (let i = rankSoFar + 1; i < m.length; i++) if (Math.abs(m[i][col]) > Math.abs(m[pivot][col])) pivot = i;
    if (Math.abs(m[pivot][col]) < 1e-9) continue;
    [m[rankSoFar], m[pivot]] = [m[pivot], m[rankSoFar]];
    for (let i = 0; i < m.length; i++) {
      if (i === rankSoFar) continue;
      const factor = m[i][col] / m[rankSoFar][col];
      for (let k = col; k < width; k++) m[i][k] -= factor * m[rankSoFar][k];
    }
    rankSoFar++;
  }
  return rankSoFar;
};
