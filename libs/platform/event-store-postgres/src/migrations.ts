import type { Pool, PoolClient } from 'pg';
import { advisoryLock } from './advisory-locks';

type Migration = Readonly<{ id: number; name: string; sql: (schema: string) => string }>;

/**
 * The schema of one service's log, in order. Applied migrations are never edited: a change is a
 * new entry. Each runs once per schema, recorded in `event_store_migrations`.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'events',
    sql: (s) => `
      CREATE TABLE ${s}.events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id text NOT NULL,
        stream_position bigint NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_event_id_unique UNIQUE (event_id),
        CONSTRAINT events_stream_position_unique UNIQUE (stream_id, stream_position)
      )`,
  },
  {
    id: 2,
    name: 'global positions handed out in transaction order',
    // Readers of the log stop below the oldest running transaction (pg_snapshot_xmin). That is only
    // gap-free if no running transaction holds a position below one a reader already passed, i.e.
    // if positions and transaction ids are handed out in the same order. Identity values alone do
    // not promise that: two appends can take their xid and their nextval in opposite orders. So an
    // append takes both under one short lock, released on leaving the block (the subtransaction
    // ends) rather than at commit, so that appends still commit side by side.
    sql: (s) => {
      const [purpose, key] = advisoryLock('positions', s);
      return `
      CREATE OR REPLACE FUNCTION ${s}.allocate_global_positions(how_many integer) RETURNS bigint
      LANGUAGE plpgsql AS $$
      DECLARE
        first_position bigint;
      BEGIN
        IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
          RAISE EXCEPTION 'an append must be the first write of its transaction'
            USING ERRCODE = 'AE001',
                  HINT = 'its transaction id must be taken with its global positions, or readers could skip it';
        END IF;
        BEGIN
          PERFORM pg_advisory_xact_lock(${purpose}, ${key});
          PERFORM pg_current_xact_id();
          first_position := nextval('${s}.events_global_position_seq');
          IF how_many > 1 THEN
            PERFORM setval('${s}.events_global_position_seq', first_position + how_many - 1);
          END IF;
          RAISE SQLSTATE 'AE000';
        EXCEPTION WHEN SQLSTATE 'AE000' THEN
          NULL;
        END;
        RETURN first_position;
      END
      $$`;
    },
  },
];

/**
 * Brings the schema up to date. Safe when several processes start together: they queue on an
 * advisory lock, and the later ones find nothing left to do. A process that finds everything
 * applied takes no lock and runs no DDL (its role may not be allowed to).
 */
export const migrate = async (pool: Pool, schema: string): Promise<void> => {
  const client = await pool.connect();
  try {
    if ((await appliedMigrations(client, schema)).size === MIGRATIONS.length) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await migrateLocked(client, schema);
        return;
      } catch (error) {
        await client.query('ROLLBACK');
        // Another process (e.g. a service creating its schema) raced our CREATE ... IF NOT EXISTS.
        if (!isCreationRace(error) || attempt === 3) throw error;
      }
    }
  } finally {
    client.release();
  }
};

const migrateLocked = async (client: PoolClient, schema: string): Promise<void> => {
  await client.query('BEGIN');
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...advisoryLock('migration', schema)]);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await client.query(`
    CREATE TABLE IF NOT EXISTS ${schema}.event_store_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const applied = await appliedMigrations(client, schema);
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.id)) continue;
    await client.query(migration.sql(schema));
    await client.query(`INSERT INTO ${schema}.event_store_migrations (id, name) VALUES ($1, $2)`, [migration.id, migration.name]);
  }
  await client.query('COMMIT');
};

const appliedMigrations = async (client: PoolClient, schema: string): Promise<Set<number>> => {
  const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    `${schema}.event_store_migrations`,
  ]);
  if (!rows[0].exists) return new Set();
  const applied = await client.query<{ id: number }>(`SELECT id FROM ${schema}.event_store_migrations`);
  return new Set(applied.rows.map((row) => row.id));
};

// 23505 unique_violation and 42P06 duplicate_schema: a concurrent CREATE SCHEMA IF NOT EXISTS.
const isCreationRace = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && ['23505', '42P06', '42P07'].includes((error as { code?: string }).code ?? '');
