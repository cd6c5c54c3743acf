import { tableOf, type EntityClass } from '@alongside/platform/projections';
import type { EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

type Row = Record<string, unknown>;

/**
 * The rows of one read-model table that a batch reads or writes, held in memory while the batch is
 * folded: loaded with one statement, written back with one multi-row upsert. A per-event statement
 * costs a round trip each (≈ 2 ms at the bench's load), and a batch is thousands of events.
 *
 * Rows travel as JSON in both directions (`to_jsonb` out, `jsonb_populate_recordset` in, typed by
 * the table's own row type), so one statement per table needs no per-column type list and any
 * number of rows is one parameter.
 */
export class RowSet<T extends object> {
  private readonly rows = new Map<string, T>();
  private readonly changed = new Set<string>();
  private readonly columns: readonly ColumnMetadata[];
  private readonly keys: readonly ColumnMetadata[];
  private readonly table: string;

  constructor(
    private readonly tx: EntityManager,
    entity: EntityClass,
  ) {
    const metadata = tx.connection.getMetadata(entity);
    this.columns = metadata.columns;
    this.keys = metadata.primaryColumns;
    this.table = tableOf(tx, entity);
  }

  /**
   * The rows whose `by` columns match one of `values` (the primary key, or an indexed column such
   * as the participant). Rows already held win: they may have changed in this batch.
   */
  async load(values: readonly Partial<T>[], by: readonly (keyof T & string)[] = this.keys.map((key) => key.propertyName as keyof T & string)): Promise<void> {
    if (values.length === 0) return;
    const columns = by.map((property) => this.column(property).databaseName);
    const list = columns.map((column) => `t."${column}"`).join(', ');
    const found: { row: Row }[] = await this.tx.query(
      `select to_jsonb(t) as row from ${this.table} t
       where (${list}) in (select ${columns.map((column) => `"${column}"`).join(', ')} from jsonb_populate_recordset(null::${this.table}, $1::jsonb))`,
      [JSON.stringify(values.map((value) => this.toDatabase(value)))],
    );
    for (const { row } of found) {
      const entity = this.fromDatabase(row);
      const key = this.keyOf(entity);
      if (!this.rows.has(key)) this.rows.set(key, entity);
    }
  }

  get(key: Partial<T>): T | undefined {
    return this.rows.get(this.keyOf(key));
  }

  /** Every row held (loaded or put), for lookups by something other than the key. */
  values(): IterableIterator<T> {
    return this.rows.values();
  }

  /** Holds a new or changed row to be written when the batch is flushed. */
  put(row: T): T {
    const key = this.keyOf(row);
    this.rows.set(key, row);
    this.changed.add(key);
    return row;
  }

  /** The rows put since loading, as they are now. */
  *changedRows(): IterableIterator<T> {
    for (const key of this.changed) yield this.rows.get(key) as T;
  }

  /** Writes every row put since loading, in one upsert; the rows are whole, so it replaces all columns. */
  async flush(): Promise<void> {
    if (this.changed.size === 0) return;
    const rows = [...this.changed].map((key) => this.toDatabase(this.rows.get(key) as Partial<T>));
    const all = this.columns.map((column) => `"${column.databaseName}"`).join(', ');
    const keys = this.keys.map((column) => `"${column.databaseName}"`).join(', ');
    const updates = this.columns.filter((column) => !column.isPrimary).map((column) => `"${column.databaseName}" = excluded."${column.databaseName}"`);
    await this.tx.query(
      `insert into ${this.table} (${all}) select ${all} from jsonb_populate_recordset(null::${this.table}, $1::jsonb)
       on conflict (${keys}) do ${updates.length > 0 ? `update set ${updates.join(', ')}` : 'nothing'}`,
      [JSON.stringify(rows)],
    );
    this.changed.clear();
  }

  /** Postgres spells a uuid in lower case whatever it was given; keys must match across both. */
  private keyOf(row: Partial<T>): string {
    return JSON.stringify(
      this.keys.map((column) => {
        const value = (row as Row)[column.propertyName];
        return column.type === 'uuid' && typeof value === 'string' ? value.toLowerCase() : value;
      }),
    );
  }

  private column(property: string): ColumnMetadata {
    const column = this.columns.find((candidate) => candidate.propertyName === property);
    if (!column) throw new Error(`${this.table} has no column for ${property}`);
    return column;
  }

  private toDatabase(value: Partial<T>): Row {
    const row: Row = {};
    for (const column of this.columns) {
      const property = (value as Row)[column.propertyName];
      if (property !== undefined) row[column.databaseName] = property;
    }
    return row;
  }

  /** JSON gives timestamps as strings and bigints as numbers; the entities hold Dates and strings. */
  private fromDatabase(row: Row): T {
    const entity: Row = {};
    for (const column of this.columns) {
      const value = row[column.databaseName];
      if (value === null || value === undefined) entity[column.propertyName] = null;
      else if (column.type === 'timestamptz') entity[column.propertyName] = new Date(value as string);
      else if (column.type === 'bigint') entity[column.propertyName] = String(value);
      else if (column.type === 'uuid') entity[column.propertyName] = (value as string).toLowerCase();
      else entity[column.propertyName] = value;
    }
    return entity as T;
  }
}
