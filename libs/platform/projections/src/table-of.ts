import type { EntityManager } from 'typeorm';
import type { EntityClass } from './projection';
import { qualifiedTable } from './sql-identifier';

/**
 * The quoted, schema-qualified table of an entity, for the raw multi-row SQL a projection writes
 * when TypeORM's per-row upsert would be too slow for a rebuild.
 */
export const tableOf = (tx: EntityManager, entity: EntityClass): string => {
  const metadata = tx.connection.getMetadata(entity);
  const schema = metadata.schema ?? (tx.connection.options as { schema?: string }).schema ?? 'public';
  return qualifiedTable(schema, metadata.tableName);
};
