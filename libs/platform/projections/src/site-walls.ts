import type { QueryRunner, Table } from 'typeorm';
import { isSiteScoped, schemaChangeLockKey, SITE_WALL_POLICY, siteWallStatements } from '@alongside/platform/security';
import { qualifiedTable } from './sql-identifier';

/**
 * Puts the site wall (row-level security, DESIGN §7) on every projection table that has a
 * `site_id` column, so a read model can never be read across sites by a query that forgets its
 * filter; only for a DataSource whose connections carry the site scope (`markSiteScoped`).
 * Checked on every start rather than only on creation: tables made before the wall existed get
 * it too. Runs inside the projection-tables lock.
 */
export const ensureSiteWalls = async (runner: QueryRunner, tables: readonly Table[]): Promise<void> => {
  if (!isSiteScoped(runner.connection)) return;
  for (const table of tables.filter((t) => t.columns.some((column) => column.name === 'site_id'))) {
    const [schema, name] = schemaAndName(runner, table);
    const [state] = await runner.query(
      `select c.relforcerowsecurity as forced,
              exists (select 1 from pg_policies p where p.schemaname = $1 and p.tablename = $2 and p.policyname = $3) as policed
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and c.relname = $2`,
      [schema, name, SITE_WALL_POLICY],
    );
    if (state?.forced && state?.policed) continue;
    const statements = siteWallStatements(qualifiedTable(schema, name));
    await runner.startTransaction();
    try {
      // First, before any table lock: the service's role bootstrap in another process may be
      // granting on these tables right now (same lock, see schemaChangeLockKey).
      await runner.query('select pg_advisory_xact_lock(hashtext($1))', [schemaChangeLockKey(schema)]);
      for (const statement of state?.policed ? statements.slice(0, 2) : statements) await runner.query(statement);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }
};

const schemaAndName = (runner: QueryRunner, table: Table): [string, string] => {
  const [first, second] = table.name.split('.');
  if (first !== undefined && second !== undefined) return [first, second];
  const schema = (runner.connection.options as { schema?: string }).schema ?? 'public';
  return [schema, table.name];
};
