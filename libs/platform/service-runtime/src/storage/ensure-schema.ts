import { Client } from 'pg';

/**
 * Each service owns a schema (DESIGN §4). Creating the database and schema when missing lets a
 * fresh machine start with nothing but a running Postgres; both statements are harmless when they
 * already exist, and a race between two starting processes is tolerated.
 */
export const ensureDatabaseAndSchema = async (databaseUrl: string, schema: string): Promise<void> => {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  if (database && database !== 'postgres') {
    const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
      if (!rowCount) await admin.query(`create database "${database}"`).catch(ignoreDuplicate);
    } finally {
      await admin.end();
    }
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`create schema if not exists "${schema}"`).catch(ignoreDuplicate);
  } finally {
    await client.end();
  }
};

const withDatabase = (url: URL, database: string): string => {
  const copy = new URL(url.toString());
  copy.pathname = `/${database}`;
  return copy.toString();
};

// 42P04 duplicate_database, 23505 unique_violation: another process created it first.
const ignoreDuplicate = (error: { code?: string }) => {
  if (error.code !== '42P04' && error.code !== '23505') throw error;
};
