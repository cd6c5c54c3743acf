/**
 * Small-cell suppression of a two-way table of counts (rows × columns, with its margins), so that an
 * analyst never sees, nor can work out, a count of 1 to 10 people.
 *
 * 1. Primary: every count from 1 to 10, interior or total, is suppressed. Zero is published: it
 *    describes nobody.
 * 2. Complementary: the published totals are linear constraints on the hidden cells. Write the table
 *    as a bipartite graph whose nodes are its lines (rows and columns, margins included) and whose
 *    edges are the suppressed entries. A hidden entry can be recomputed from the totals exactly when
 *    its edge is a bridge of that graph (summing the lines on one side of a bridge isolates it; an
 *    edge on a cycle can move by ±1 around the cycle without changing any published figure). So we
 *    suppress more entries, smallest positive first, until no line has exactly one hidden entry and
 *    no hidden entry is a bridge. Lines whose total is not published constrain nothing: they are one
 *    shared "free" node.
 *
 * The output never says why a cell is hidden: "small count" vs "complementary" would itself tell an
 * attacker that a value is 1–10 or not.
 */
export const SMALL_CELL_MIN = 1;
export const SMALL_CELL_MAX = 10;

export type Published = Readonly<{ suppressed: false; value: number }> | Readonly<{ suppressed: true; value: null }>;

export type CountTable = Readonly<{
  rows: readonly string[];
  columns: readonly string[];
  /** cells[row][column], non-negative integers. */
  cells: readonly (readonly number[])[];
  /** Publish each row's total (false when summing across columns means nothing, e.g. measures). */
  rowTotals: boolean;
  columnTotals: boolean;
  /**
   * Interior cells to hide whatever their value, e.g. participant-days of a cohort whose head count
   * is hidden. Complementary suppression then protects them like any other hidden cell.
   */
  alsoHide?: readonly (readonly boolean[])[];
}>;

export type SuppressedTable = Readonly<{
  rows: readonly string[];
  columns: readonly string[];
  cells: readonly (readonly Published[])[];
  rowTotals: readonly Published[] | null;
  columnTotals: readonly Published[] | null;
  grandTotal: Published | null;
}>;

export const isSmallCount = (value: number): boolean => value >= SMALL_CELL_MIN && value <= SMALL_CELL_MAX;

export const published = (value: number): Published => ({ suppressed: false, value });
export const hidden: Published = { suppressed: true, value: null };

/** A rate, mean or share over suppressed counts is suppressed too. */
export const derivedFrom = (
  inputs: readonly Published[],
  compute: (...values: number[]) => number | null,
): Published | { suppressed: false; value: null } => {
  if (inputs.some((input) => input.suppressed)) return hidden;
  const value = compute(...inputs.map((input) => input.value as number));
  return value === null ? { suppressed: false, value: null } : published(value);
};

/** One entry of the extended grid: interior cells, row totals (column `c`), column totals (row `r`). */
type Entry = { row: number; column: number; value: number; hidden: boolean };

export const suppressSmallCellsReference = (table: CountTable): SuppressedTable => {
  validate(table);
  const grid = extendedGrid(table);
  for (const entry of grid.entries) {
    entry.hidden = isSmallCount(entry.value) || Boolean(table.alsoHide?.[entry.row]?.[entry.column]);
  }
  // Each pass only ever hides more, so this ends (at worst with everything hidden).
  while (hideOneComplement(grid)) {
    /* keep going until nothing is derivable */
  }
  return toSuppressedTable(table, grid);
};

type Grid = {
  entries: Entry[];
  rowCount: number;
  columnCount: number;
  /** Lines that carry a published total and so constrain their entries. */
  rowConstrained: boolean[];
  columnConstrained: boolean[];
  at: (row: number, column: number) => Entry | undefined;
};

const validate = (table: CountTable) => {
  if (table.cells.length !== table.rows.length) throw new RangeError('One row of cells per row label');
  if (table.alsoHide && table.alsoHide.length !== table.rows.length) throw new RangeError('alsoHide has one row per row label');
  for (const row of table.cells) {
    if (row.length !== table.columns.length) throw new RangeError('One cell per column label in every row');
    for (const value of row) {
      if (!Number.isInteger(value) || value < 0) throw new RangeError(`Counts are non-negative integers, not ${value}`);
    }
  }
};

const extendedGrid = (table: CountTable): Grid => {
  const r = table.rows.length;
  const c = table.columns.length;
  const entries: Entry[] = [];
  const index = new Map<string, Entry>();
  const put = (row: number, column: number, value: number) => {
    const entry = { row, column, value, hidden: false };
    entries.push(entry);
    index.set(`${row}:${column}`, entry);
  };
  const rowSums = table.cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = table.columns.map((_, j) => table.cells.reduce((a, row) => a + row[j], 0));
  table.cells.forEach((row, i) => row.forEach((value, j) => put(i, j, value)));
  if (table.rowTotals) rowSums.forEach((value, i) => put(i, c, value));
  if (table.columnTotals) columnSums.forEach((value, j) => put(r, j, value));
  // The grand total only where both margins are, so a table of measures never sums unlike things.
  if (table.rowTotals && table.columnTotals) put(r, c, rowSums.reduce((a, b) => a + b, 0));
  return {
    entries,
    rowCount: r + 1,
    columnCount: c + 1,
    // Row i is a constraint when its total is published; the margin row r (column totals summing to
    // the grand total) only when the grand total is published too. Likewise for columns.
    rowConstrained: [...Array.from({ length: r }, () => table.rowTotals), table.columnTotals && table.rowTotals],
    columnConstrained: [...Array.from({ length: c }, () => table.columnTotals), table.rowTotals && table.columnTotals],
    at: (row, column) => index.get(`${row}:${column}`),
  };
};

const FREE = -1;
/** Graph node of a line: rows are 0..R-1, columns R..R+C-1, unconstrained lines the shared FREE node. */
const nodesOf = (grid: Grid, entry: Entry): [number, number] => [
  grid.rowConstrained[entry.row] ? entry.row : FREE,
  grid.columnConstrained[entry.column] ? grid.rowCount + entry.column : FREE,
];

const nodesOfAll = (grid: Grid): Set<number> => new Set(grid.entries.flatMap((e) => nodesOf(grid, e)));

const lineEntries = (grid: Grid, node: number): Entry[] =>
  node < grid.rowCount
    ? grid.entries.filter((e) => e.row === node)
    : grid.entries.filter((e) => e.column === node - grid.rowCount);

/** Hides one more entry if something is still derivable; false when the table is safe. */
const hideOneComplement = (grid: Grid): boolean => {
  // A constrained line with exactly one hidden entry gives it away directly.
  for (let node = 0; node < grid.rowCount + grid.columnCount; node++) {
    const constrained = node < grid.rowCount ? grid.rowConstrained[node] : grid.columnConstrained[node - grid.rowCount];
    if (!constrained) continue;
    const line = lineEntries(grid, node);
    if (line.filter((e) => e.hidden).length === 1) {
      const candidate = cheapest(line.filter((e) => !e.hidden));
      if (candidate) {
        candidate.hidden = true;
        return true;
      }
    }
  }
  // A bridge is given away by summing the lines on one side of it: join the two sides.
  for (const bridge of grid.entries.filter((e) => e.hidden)) {
    const [a, b] = nodesOf(grid, bridge);
    if (a === b) continue;
    const side = reachableWithout(grid, a, bridge);
    if (side.has(b)) continue;
    const otherSide = reachableWithout(grid, b, bridge);
    const crossing = (into: Set<number>) =>
      grid.entries.filter((e) => {
        if (e.hidden) return false;
        const [x, y] = nodesOf(grid, e);
        return (side.has(x) && into.has(y)) || (side.has(y) && into.has(x));
      });
    // Best: an entry closing a cycle through the bridge at once; else one that at least leaves its side.
    const outside = new Set([...nodesOfAll(grid)].filter((n) => !side.has(n)));
    const candidate = cheapest(crossing(otherSide)) ?? cheapest(crossing(outside));
    if (candidate) {
      candidate.hidden = true;
      return true;
    }
  }
  return false;
};

/** Smallest positive count first (least information lost); a zero only if nothing else will do. */
const cheapest = (entries: Entry[]): Entry | undefined =>
  [...entries].sort((x, y) => rank(x) - rank(y) || x.row - y.row || x.column - y.column)[0];

const rank = (e: Entry) => (e.value > 0 ? e.value : Number.MAX_SAFE_INTEGER);

const reachableWithout = (grid: Grid, start: number, removed: Entry): Set<number> => {
  const adjacency = new Map<number, number[]>();
  for (const e of grid.entries) {
    if (!e.hidden || e === removed) continue;
    const [x, y] = nodesOf(grid, e);
    adjacency.set(x, [...(adjacency.get(x) ?? []), y]);
    adjacency.set(y, [...(adjacency.get(y) ?? []), x]);
  }
  const seen = new Set<number>([start]);
  const queue = [start];
  while (queue.length) {
    for (const next of adjacency.get(queue.shift() as number) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
};

const toSuppressedTable = (table: CountTable, grid: Grid): SuppressedTable => {
  const r = table.rows.length;
  const c = table.columns.length;
  const show = (row: number, column: number): Published => {
    const entry = grid.at(row, column) as Entry;
    return entry.hidden ? hidden : published(entry.value);
  };
  return {
    rows: table.rows,
    columns: table.columns,
    cells: table.cells.map((row, i) => row.map((_, j) => show(i, j))),
    rowTotals: table.rowTotals ? table.rows.map((_, i) => show(i, c)) : null,
    columnTotals: table.columnTotals ? table.columns.map((_, j) => show(r, j)) : null,
    grandTotal: table.rowTotals && table.columnTotals ? show(r, c) : null,
  };
};
