import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import type { EntityManager } from 'typeorm';

/**
 * A read model kept from the log. Each version writes tables of its own, named `<base>_v<version>`
 * (`versionedTable`), so a new version can rebuild beside the live one and take over when caught
 * up, while readers keep reading the old tables (blue-green, DESIGN §3.6).
 *
 * The tables are TypeORM entity classes whose `@Entity` name carries the version, rather than one
 * class with a table name switched at run time: TypeORM's metadata is per class and static, and a
 * version's columns are fixed for its whole life (a changed shape is a new version), so "one class
 * per version" is what the tables really are. The runner creates a version's tables from those
 * classes; `apply` writes them through the EntityManager of the batch's transaction, with raw
 * multi-row SQL (`tx.query`) where speed matters and `tx.upsert` where it does not.
 */
/** A TypeORM entity class (decorated with `@Entity`). */
export type EntityClass = new () => object;

export type Projection = Readonly<{
  /** Stable across versions: the name readers ask for (`retention-by-week`). */
  name: string;
  version: number;
  /** This version's entity classes; each table name must end in `_v<version>`. */
  entities: readonly EntityClass[];
  /** Event types `apply` wants; others are skipped (the checkpoint still moves past them). */
  handles: readonly string[];
  /**
   * Applies a batch, in global order, inside the transaction that also moves the checkpoint:
   * rows and position commit together. Upserts keep a replay harmless should a batch ever run
   * twice (e.g. two replicas racing before one of them finds the checkpoint moved).
   */
  apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void>;
}>;

/** `retention_by_week` version 2 lives in `retention_by_week_v2`. */
export const versionedTable = (base: string, version: number): string => `${base}_v${version}`;

/** The checkpoint key of one version of a projection (`retention-by-week@2`). */
export const projectionKey = (projection: Pick<Projection, 'name' | 'version'>): string =>
  `${projection.name}@${projection.version}`;
