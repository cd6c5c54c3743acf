import { Pool, type ClientBase } from 'pg';
import type { WrappedKey } from './master-key-ring';
import type { PiiKeyStore, StoredDataKey } from './pii-key-store';

export type PostgresPiiKeyStoreOptions = Readonly<{ schema: string } & ({ connectionString: string } | { pool: Pool })>;

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

type Row = {
  participant_id: string;
  site_id: string | null;
  key_id: string;
  master_key_id: string | null;
  wrapped_key: Buffer | null;
  erased_at: Date | null;
};

const toStored = (row: Row): StoredDataKey => ({
  participantId: row.participant_id,
  siteId: row.site_id,
  keyId: row.key_id,
  wrapped: row.wrapped_key && row.master_key_id ? { masterKeyId: row.master_key_id, wrapped: row.wrapped_key } : null,
  erasedAt: row.erased_at?.toISOString() ?? null,
});

// 23505 unique_violation, 42P06 duplicate_schema: a concurrent CREATE SCHEMA IF NOT EXISTS won.
const ignoreConcurrentSchema = (error: { code?: string }): void => {
  if (error.code !== '23505' && error.code !== '42P06') throw error;
};

const COLUMNS = 'participant_id, site_id, key_id, master_key_id, wrapped_key, erased_at';

// A connection the server ends while idle (a restart, a failover) is reported as a pool 'error';
// unheard, Node would end the whole service. The next query opens a new connection.
const ownPool = (connectionString: string): Pool => {
  const pool = new Pool({ connectionString, max: 4 });
  pool.on('error', () => undefined);
  // One that dies while checked out, between queries, reports on the client itself: the next query fails instead.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
};

/**
 * `pii_keys` in the service's own schema: one row per participant. Erasing sets the key material to
 * NULL and keeps the row as a tombstone. The old tuple stays on disk until VACUUM and in WAL and
 * backups until they age out; it is still wrapped by the master key, so destroying a retired
 * master key is what finally shreds it there.
 */
export class PostgresPiiKeyStore implements PiiKeyStore {
  private readonly table: string;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly ownsPool: boolean,
    /** Where reads and writes go: the pool, or a caller's transaction (`within`). */
    private readonly db: Pool | ClientBase = pool,
  ) {
    this.table = `"${schema}".pii_keys`;
  }

  static create(options: PostgresPiiKeyStoreOptions): PostgresPiiKeyStore {
    if (!IDENTIFIER.test(options.schema)) throw new Error(`"${options.schema}" is not a plain schema name`);
    return 'pool' in options
      ? new PostgresPiiKeyStore(options.pool, options.schema, false)
      : new PostgresPiiKeyStore(ownPool(options.connectionString), options.schema, true);
  }

  /** The same store inside a caller's transaction: what it writes commits or rolls back with it. */
  within(transaction: ClientBase): PostgresPiiKeyStore {
    return new PostgresPiiKeyStore(this.pool, this.schema, false, transaction);
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Outside the lock's transaction: the service's runtime creates the same schema at the same
      // moment under another lock (or none), and the loser of that race sees 23505/42P06, not a no-op.
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`).catch(ignoreConcurrentSchema);
      await client.query('BEGIN');
      // Replicas starting together would race on CREATE TABLE IF NOT EXISTS.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`alongside.pii_keys.${this.schema}`]);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.table} (
          participant_id text PRIMARY KEY,
          site_id text,
          key_id uuid NOT NULL,
          master_key_id text,
          wrapped_key bytea,
          created_at timestamptz NOT NULL DEFAULT now(),
          rewrapped_at timestamptz,
          erased_at timestamptz,
          CONSTRAINT pii_keys_key_or_tombstone CHECK (
            (erased_at IS NULL AND wrapped_key IS NOT NULL AND master_key_id IS NOT NULL)
            OR (erased_at IS NOT NULL AND wrapped_key IS NULL AND master_key_id IS NULL)))`);
      await client.query(
        `CREATE INDEX IF NOT EXISTS pii_keys_by_master_key ON ${this.table} (master_key_id) WHERE wrapped_key IS NOT NULL`,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async find(participantId: string): Promise<StoredDataKey | undefined> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE participant_id = $1`, [participantId]);
    return rows[0] && toStored(rows[0]);
  }

  async insertIfAbsent(row: Parameters<PiiKeyStore['insertIfAbsent']>[0]): Promise<StoredDataKey> {
    const { rows } = await this.db.query<Row>(
      `INSERT INTO ${this.table} (participant_id, site_id, key_id, master_key_id, wrapped_key)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (participant_id) DO NOTHING RETURNING ${COLUMNS}`,
      [row.participantId, row.siteId, row.keyId, row.wrapped.masterKeyId, row.wrapped.wrapped],
    );
    if (rows[0]) return toStored(rows[0]);
    const existing = await this.find(row.participantId);
    if (!existing) throw new Error('pii_keys row vanished between insert and read');
    return existing;
  }

  async erase(participantId: string): Promise<boolean> {
    const { rows } = await this.db.query<{ destroyed: boolean }>(
      `WITH before AS (SELECT wrapped_key IS NOT NULL AS had_key FROM ${this.table} WHERE participant_id = $1)
       INSERT INTO ${this.table} AS k (participant_id, key_id, erased_at) VALUES ($1, gen_random_uuid(), now())
       ON CONFLICT (participant_id) DO UPDATE
         SET wrapped_key = NULL, master_key_id = NULL, erased_at = COALESCE(k.erased_at, now())
       RETURNING COALESCE((SELECT had_key FROM before), false) AS destroyed`,
      [participantId],
    );
    return rows[0]?.destroyed ?? false;
  }

  async wrappedUnderOtherThan(masterKeyId: string, limit: number): Promise<StoredDataKey[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM ${this.table}
       WHERE wrapped_key IS NOT NULL AND master_key_id <> $1 ORDER BY participant_id LIMIT $2`,
      [masterKeyId, limit],
    );
    return rows.map(toStored);
  }

  async replaceWrapping(participantId: string, fromMasterKeyId: string, to: WrappedKey): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE ${this.table} SET master_key_id = $3, wrapped_key = $4, rewrapped_at = now()
       WHERE participant_id = $1 AND master_key_id = $2 AND wrapped_key IS NOT NULL`,
      [participantId, fromMasterKeyId, to.masterKeyId, to.wrapped],
    );
    return rowCount === 1;
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
