/** One query of a view: its SQL, and the order of its rows when the view shows them in order. */
export type RowSetQuery = string | Readonly<{ sql: string; orderBy: string }>;

/**
 * A view's queries as one statement that answers one row: each query's rows as a JSON array, in a
 * column of its own name. One statement is one snapshot, so the figures agree with each other
 * without a transaction, and a view costs one round trip instead of one per query. A query's own
 * `order by` does not survive the aggregate: `orderBy` (over the query's columns) orders the array.
 */
export const rowSetsStatement = (queries: Readonly<Record<string, RowSetQuery>>): string =>
  `select ${Object.entries(queries)
    .map(([name, query]) => {
      const { sql, orderBy } = typeof query === 'string' ? { sql: query, orderBy: null } : query;
      return `(select coalesce(json_agg(r${orderBy ? ` order by ${orderBy}` : ''}), '[]'::json) from (${sql}) r) "${name}"`;
    })
    .join(',\n       ')}`;
