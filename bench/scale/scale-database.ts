import { Client } from 'pg';

/**
 * The generated network is kept between runs in a database named after its size (building 10M events
 * takes far longer than querying them); `npm run bench -- --fresh` builds it again. Its `bench_scale.meta`
 * table remembers what was built and how long it took, so a later run reports the same build figures.
 */
export const scaleDatabaseName = (events: number): string => `alongside_bench_scale_${events}`;

const withClient = async <T>(url: string, work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

export const databaseUrlFor = (anyUrl: string, name: string): string => {
  const url = new URL(anyUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** The cached database's URL, created (empty) when missing or when `fresh` asks for a new one. */
export const openScaleDatabase = async (anyUrl: string, name: string, fresh: boolean): Promise<string> => {
  await withClient(anyUrl, async (client) => {
    if (fresh) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = databaseUrlFor(anyUrl, name);
  await withClient(url, (client) => client.query('CREATE SCHEMA IF NOT EXISTS bench_scale; CREATE TABLE IF NOT EXISTS bench_scale.meta (key text PRIMARY KEY, value jsonb NOT NULL)'));
  return url;
};

export const readMeta = <T>(url: string, key: string): Promise<T | undefined> =>
  withClient(url, async (client) => (await client.query<{ value: T }>('SELECT value FROM bench_scale.meta WHERE key = $1', [key])).rows[0]?.value);

export const writeMeta = (url: string, key: string, value: unknown): Promise<void> =>
  withClient(url, async (client) => {
    await client.query('INSERT INTO bench_scale.meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value)]);
  });

/** Events in outcomes' log, counted (not trusted from the meta table). */
export const logSize = (url: string): Promise<number> =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ n: string }>("SELECT coalesce((SELECT count(*) FROM outcomes.events), 0)::text AS n WHERE to_regclass('outcomes.events') IS NOT NULL");
    return Number(rows[0]?.n ?? 0);
  });

/**
 * Empties a kept network's outcome views and moves their checkpoint back to 0, so the next run
 * rebuilds them with the projection as it is now (`BENCH_REBUILD_VIEWS=1`) without deciding and
 * appending the log again, which takes far longer than the rebuild being measured.
 */
export const resetViews = (url: string, schema: string, tables: readonly string[], checkpointKey: string): Promise<void> =>
  withClient(url, async (client) => {
    // A network kept from before a version's tables existed has none to empty.
    const present = (
      await client.query<{ name: string }>('SELECT t AS name FROM unnest($1::text[]) t WHERE to_regclass(format($2, t)) IS NOT NULL', [tables, `"${schema}".%I`])
    ).rows.map(({ name }) => `"${schema}"."${name}"`);
    await client.query('BEGIN');
    if (present.length > 0) await client.query(`TRUNCATE ${present.join(', ')}`);
    await client.query(`UPDATE "${schema}".projection_checkpoints SET position = 0 WHERE projection = $1`, [checkpointKey]);
    await client.query(`DELETE FROM bench_scale.meta WHERE key = 'views'`);
    await client.query('COMMIT');
  });
