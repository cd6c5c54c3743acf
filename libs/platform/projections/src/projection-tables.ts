import { Table, type DataSource, type EntityMetadata } from 'typeorm';
import { projectionKey, type EntityClass, type Projection } from './projection';
import { ensureSiteWalls } from './site-walls';

const TABLES_LOCK = `('x' || substr(md5('alongside.projection-tables'), 1, 16))::bit(64)::bigint`;

/**
 * Creates a projection version's tables from its entity classes, when missing, as TypeORM's schema
 * builder would, but for these tables only: an app-wide synchronize would consider (and alter)
 * every entity the app has. An advisory lock keeps replicas starting together from racing on
 * CREATE TABLE.
 *
 * Tables with a `site_id` column get the site wall (row-level security) as well.
 *
 * Creating is all there is to do: a version's shape never changes after it first ran (a new
 * shape is a new version, in new tables), so existing tables are left as they are.
 */
export const ensureProjectionTables = async (dataSource: DataSource, projection: Projection): Promise<void> => {
  const tables = projection.entities.map((entity) => tableFor(dataSource, projection, entity));
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`select pg_advisory_lock(${TABLES_LOCK})`);
    try {
      for (const table of tables) {
        if (!(await runner.hasTable(table))) await runner.createTable(table, true, true, true);
      }
      await ensureSiteWalls(runner, tables);
    } finally {
      await runner.query(`select pg_advisory_unlock(${TABLES_LOCK})`);
    }
  } finally {
    await runner.release();
  }
};

const tableFor = (dataSource: DataSource, projection: Projection, entity: EntityClass): Table => {
  let metadata: EntityMetadata;
  try {
    metadata = dataSource.getMetadata(entity);
  } catch {
    throw new Error(`${projectionKey(projection)}: ${entity.name} is not one of the DataSource's entities; register the projection's entities with it`);
  }
  const suffix = `_v${projection.version}`;
  if (!metadata.tableName.endsWith(suffix)) {
    throw new Error(`${projectionKey(projection)}: table ${metadata.tableName} must end in ${suffix}, so that versions never share a table`);
  }
  return Table.create(metadata, dataSource.driver);
};
