import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export type Machine = Readonly<{ cpu: string; cores: number; memoryGiB: number; loadAverage: readonly number[] }>;

export type Versions = Readonly<Record<string, string>>;

export const machine = (): Machine => ({
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
});

// Read from the installed package.json: some of these packages do not export it.
const installed = (name: string): string => {
  try {
    return JSON.parse(readFileSync(join(__dirname, '..', '..', 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
};

const postgresVersion = async (adminUrl: string): Promise<string> => {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
};

/**
 * The commit measured, and whether the services' code (libs, apps) differed from it: others commit to the same
 * checkout while a run goes, and the figures are of the code each case's process loaded.
 */
const measuredCode = (): string => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: join(__dirname, '..', '..'), encoding: 'utf8' }).trim();
  try {
    const changed = git('status', '--porcelain', '--', 'libs', 'apps').split('\n').filter(Boolean).length;
    return `${git('rev-parse', '--short', 'HEAD')}${changed > 0 ? ` + ${changed} uncommitted change(s) in libs or apps` : ''}`;
  } catch {
    return 'unknown (no git)';
  }
};

/** What the figures depend on: the code, runtime, servers and the client libraries of each subject. */
export const versions = async (adminUrl: string, kafka: string): Promise<Versions> => ({
  alongside: measuredCode(),
  node: process.version,
  postgres: await postgresVersion(adminUrl),
  kafka,
  pg: installed('pg'),
  'pg-copy-streams': installed('pg-copy-streams'),
  kafkajs: installed('kafkajs'),
  '@event-driven-io/emmett': installed('@event-driven-io/emmett'),
  '@event-driven-io/emmett-postgresql': installed('@event-driven-io/emmett-postgresql'),
  typeorm: installed('typeorm'),
  '@nestjs/core': installed('@nestjs/core'),
  autocannon: installed('autocannon'),
});
