// One fresh database per test file, so files run in parallel without seeing each other's rows.
import { Client } from 'pg';
import { testDatabaseName } from './test-names';
import { testDatabaseAdminUrl } from './test-servers';

export type TestDatabase = {
  name: string;
  /** Connection URL for the new database (same server and credentials as the admin URL). */
  url: string;
  /** Drops the database, disconnecting anyone still connected. Safe to call twice. */
  drop(): Promise<void>;
};

const asAdmin = async (adminUrl: string, sql: string): Promise<void> => {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** `label` only makes the name readable in `\l`: pass the test file's subject. */
export const createTestDatabase = async (label = 'test'): Promise<TestDatabase> => {
  const name = testDatabaseName(label);
  const adminUrl = testDatabaseAdminUrl();
  await asAdmin(adminUrl, `CREATE DATABASE ${quoteIdentifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => dropTestDatabase(name, adminUrl),
  };
};

// FORCE (Postgres 13+): a pool the test forgot to close must not make the drop fail.
export const dropTestDatabase = (name: string, adminUrl = testDatabaseAdminUrl()): Promise<void> =>
  asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
