import { Client } from 'pg';

const asAdmin = async (adminUrl: string, sql: string): Promise<void> => {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** Every database of one bench run starts with this, so the run can sweep up after a killed case. */
export const runPrefix = (runId: string): string => `bench_${runId}_`;

/** A database of its own for one case: no subject sees another's tables, indexes or bloat. */
export const createFreshDatabase = async (adminUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> => {
  await asAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => asAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
};

/** Drops what a killed case left behind. */
export const dropRunDatabases = async (adminUrl: string, runId: string): Promise<void> => {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [runPrefix(runId)]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
