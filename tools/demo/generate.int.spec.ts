import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { STORE_ORDER } from './into-stores';

// `npm run generate -- --mode store` as a person runs it: the command line, into a database of its
// own, twice with the same seed (issue 10: the same event counts for the same seed).
const root = join(__dirname, '..', '..');
const generate = async (databaseUrl: string, seed: number): Promise<string> => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', join(root, 'tools', 'register.cjs'), join(__dirname, 'generate.ts'), '--sites', '2', '--participants-per-site', '6', '--months', '3', '--seed', String(seed), '--mode', 'store', '--as-of', '2026-06-01'],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  return stdout;
};

const storedByType = async (url: string): Promise<Record<string, number>> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const schema of STORE_ORDER) {
      const { rows } = await client.query<{ type: string; n: string }>(`SELECT type, count(*) n FROM ${schema}.events GROUP BY type`);
      for (const row of rows) counts[`${schema}/${row.type}`] = Number(row.n);
    }
    return counts;
  } finally {
    await client.end();
  }
};

describe('npm run generate -- --mode store', () => {
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((d) => d.drop())));
  const fresh = async () => {
    const database = await createTestDatabase('demo-generate');
    databases.push(database);
    return database.url;
  };

  it('writes the same events, type for type, for the same seed, and prints the total it wrote', async () => {
    const [first, second, other] = await Promise.all([fresh(), fresh(), fresh()]);
    const [printed] = await Promise.all([generate(first, 21), generate(second, 21), generate(other, 22)]);

    const counts = await storedByType(first);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(counts['enrolment/ParticipantRegistered']).toBe(12);
    expect(printed).toContain(`${total} events in`);
    expect(await storedByType(second)).toEqual(counts);
    expect(await storedByType(other)).not.toEqual(counts);
  }, 120_000);
});
