import type { DataSource } from 'typeorm';
import { versionedTable } from './projection';
import { ProjectionBookkeeping } from './projection-bookkeeping';
import { qualifiedTable } from './sql-identifier';

const FRESH_FOR_MS = 1_000;

/**
 * The reader's side of blue-green: which version of a projection to read, and its table's name.
 * Remembered for a second, so a dashboard query costs no extra round trip; a switch is seen by
 * readers within that second.
 */
export class ActiveProjections {
  private readonly bookkeeping: ProjectionBookkeeping;
  private readonly schema: string;
  private readonly known = new Map<string, { version: number | null; at: number }>();

  constructor(private readonly dataSource: DataSource) {
    this.schema = (dataSource.options as { schema?: string }).schema ?? 'public';
    this.bookkeeping = new ProjectionBookkeeping(this.schema);
  }

  /** Null while no version has caught up yet (a first rebuild): readers answer "not ready". */
  async version(name: string): Promise<number | null> {
    const cached = this.known.get(name);
    if (cached && Date.now() - cached.at < FRESH_FOR_MS) return cached.version;
    const version = await this.bookkeeping.activeVersion(this.dataSource, name).catch((error: { code?: string }) => {
      if (error.code === '42P01') return null; // no projection has run in this schema yet
      throw error;
    });
    this.known.set(name, { version, at: Date.now() });
    return version;
  }

  /** The quoted, schema-qualified table of the active version, e.g. `"outcomes"."retention_by_week_v2"`. */
  async table(name: string, base: string): Promise<string | null> {
    const version = await this.version(name);
    return version === null ? null : qualifiedTable(this.schema, versionedTable(base, version));
  }
}
