import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { projectionKey, type Projection } from './projection';

/**
 * Creates a projection version's tables from its entity classes. A short-lived DataSource that
 * knows only these entities is synchronised, so nothing else in the schema is touched (the app's
 * own synchronize would consider every entity it has). Its single connection holds an advisory
 * lock meanwhile, so replicas starting together don't race on CREATE TABLE.
 *
 * Synchronising is safe here, where it would not be for ordinary tables: a version's shape never
 * changes after it first ran (a new shape is a new version, in new tables), so this only ever
 * creates tables or finds them as they are.
 */
export const ensureProjectionTables = async (appDataSource: DataSource, projection: Projection): Promise<void> => {
  const suffix = `_v${projection.version}`;
  const options = appDataSource.options as PostgresDataSourceOptions;
  const ownTables = new DataSource({
    ...options,
    entities: [...projection.entities],
    migrations: [],
    subscribers: [],
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
    logging: false,
    extra: { ...(options.extra ?? {}), max: 1 },
  });
  await ownTables.initialize();
  try {
    for (const metadata of ownTables.entityMetadatas) {
      if (!metadata.tableName.endsWith(suffix)) {
        throw new Error(
          `${projectionKey(projection)}: table ${metadata.tableName} must end in ${suffix}, so that versions never share a table`,
        );
      }
    }
    await ownTables.query(`select pg_advisory_lock(('x' || substr(md5('alongside.projection-tables'), 1, 16))::bit(64)::bigint)`);
    try {
      await ownTables.synchronize();
    } finally {
      await ownTables.query(`select pg_advisory_unlock(('x' || substr(md5('alongside.projection-tables'), 1, 16))::bit(64)::bigint)`);
    }
  } finally {
    await ownTables.destroy();
  }
};
