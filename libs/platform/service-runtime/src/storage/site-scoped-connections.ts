import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { DataSource } from 'typeorm';
import { markSiteScoped, SITE_SCOPE_SETTING, siteScope } from '@alongside/platform/security';

type Release = (error?: Error | boolean) => void;
type Callback = (error: Error | undefined, client?: PoolClient, release?: Release) => void;
type Query = (text: unknown, values?: unknown) => Promise<unknown>;

const STARTS = /^\s*(start\s+transaction|begin)\b/i;
const SETS_UP = /^\s*set\s+transaction\b/i;
const ENDS = /^\s*(commit|end|abort|rollback(?!\s+to\b))\b/i;
// Upkeep that returns no rows and may not run inside a transaction (VACUUM): sent as it is.
const UPKEEP = /^\s*vacuum\b/i;

/**
 * Every connection the DataSource hands out carries the sites of the work that borrowed it (the
 * request's verified token, or every site for work that said so), so the site walls of the read
 * models hold whatever SQL follows.
 *
 * The setting is transaction-local, never a session's: the APIs reach Postgres through PgBouncer
 * in transaction mode (deploy/k8s), where a session setting would stay on a server connection that
 * the next client then borrows. So a statement outside a transaction runs in one opened (and
 * committed) for it, and a transaction the caller opens gets the setting as its first statement:
 * two round trips more for a lone statement, the price of a wall that holds behind a pooler. A
 * statement that escapes both (a stream, a callback) sees no site at all: the safe way to fail.
 * VACUUM goes out bare: Postgres refuses it in a transaction, and it shows no rows to anyone.
 */
export const scopeConnectionsBySite = (dataSource: DataSource): DataSource => {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  // TypeORM asks with a callback; anything else with a promise. The scope is read now, in the caller's context.
  (pool as unknown as { connect: (callback?: Callback) => Promise<PoolClient> | void }).connect = (callback?: Callback) => {
    const setting = siteScope.setting();
    const checkout = connect().then((client) => scopedClient(client, setting));
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error),
    );
  };
  markSiteScoped(dataSource);
  return dataSource;
};

const sqlOf = (query: unknown): string | null =>
  typeof query === 'string' ? query : typeof (query as QueryConfig)?.text === 'string' ? (query as QueryConfig).text : null;

/** The borrowed client, its statements kept inside transactions that carry `setting`. */
const scopedClient = (client: PoolClient, setting: string): PoolClient => {
  const query = client.query.bind(client) as Query;
  const release = client.release;
  const scope = `select set_config(${client.escapeLiteral(SITE_SCOPE_SETTING)}, ${client.escapeLiteral(setting)}, true)`;
  // idle: no transaction open; opening: the caller's, not yet scoped; theirs: the caller's, scoped.
  let state: 'idle' | 'opening' | 'theirs' = 'idle';

  const scoped: Query = async (text, values) => {
    const sql = sqlOf(text);
    if (sql === null) return query(text, values);
    if (state === 'idle') {
      if (STARTS.test(sql)) {
        const result = await query(text, values);
        state = 'opening';
        return result;
      }
      if (ENDS.test(sql) || UPKEEP.test(sql)) return query(text, values);
      // Committed before the caller goes on, so its next statement (on any connection) reads this one's writes.
      await query(`begin; ${scope}`);
      try {
        const result = await query(text, values);
        await query('commit');
        return result;
      } catch (error) {
        await query('rollback').catch(() => undefined);
        throw error;
      }
    }
    if (state === 'opening' && !SETS_UP.test(sql)) {
      state = 'theirs';
      await query(scope);
    }
    const result = await query(text, values);
    if (ENDS.test(sql)) state = 'idle';
    return result;
  };

  // One statement (with its begin and commit) at a time: callers that fire several at once on one
  // connection (Promise.all in a transaction) must not slip between another's begin and commit.
  let tail: Promise<unknown> = Promise.resolve();
  (client as unknown as { query: Query }).query = (text, values) => {
    if (typeof values === 'function' || (typeof text === 'object' && text !== null && 'submit' in text)) return query(text, values);
    const next = tail.then(() => scoped(text, values));
    tail = next.catch(() => undefined);
    return next;
  };
  client.release = (error?: Error | boolean) => {
    delete (client as unknown as { query?: Query }).query; // the prototype's again, for the next borrower
    client.release = release;
    return release(error);
  };
  return client;
};
