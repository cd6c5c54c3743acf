import type { NewEvent } from '@alongside/platform/event-sourcing';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRawEventsTable } from './raw-events-table';
import type { StoreSubject, StoreSubjectName } from './store-subject';

const COLUMNS = 'stream_id, stream_position, event_id, type, data, metadata';
const SELECTED = 'global_position, stream_id, stream_position, event_id, type, data, metadata, recorded_at';

type Append = (pool: Pool, stream: string, events: readonly NewEvent[], held: number) => Promise<void>;

/** One single-row INSERT per event, each its own transaction: what a 1-event append costs at least. */
const insertRows: Append = async (pool, stream, events, held) => {
  for (const [i, e] of events.entries()) {
    await pool.query({
      name: 'insert-row',
      text: `INSERT INTO raw_events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`,
      values: [stream, held + i, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)],
    });
  }
};

/** The usual multi-row insert: one statement, arrays of columns. */
const insertUnnest: Append = async (pool, stream, events, held) => {
  await pool.query({
    name: 'insert-unnest',
    text: `INSERT INTO raw_events (${COLUMNS})
           SELECT $1, * FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])`,
    values: [
      stream,
      events.map((_, i) => held + i),
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
    ],
  });
};

// COPY's text format gives backslash, tab, newline and carriage return a meaning.
const SPECIAL = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const field = (text: string): string => text.replace(SPECIAL, (c) => ESCAPED[c]);

/** COPY FROM STDIN in one go: the fastest way rows get into Postgres. */
const copyRows: Append = async (pool, stream, events, held) => {
  const lines = events
    .map((e, i) => `${field(stream)}\t${held + i}\t${e.id}\t${field(e.type)}\t${field(JSON.stringify(e.data))}\t${field(JSON.stringify(e.metadata))}\n`)
    .join('');
  const client = await pool.connect();
  try {
    await pipeline(Readable.from([lines]), client.query(copyFrom(`COPY raw_events (${COLUMNS}) FROM STDIN`)));
  } finally {
    client.release();
  }
};

const APPENDS: Partial<Record<StoreSubjectName, Append>> = { 'pg-insert': insertRows, 'pg-unnest': insertUnnest, 'pg-copy': copyRows };

/**
 * The limit (DESIGN §9): plain `pg` on an equivalent table. Reads are plain SELECTs of the same
 * rows, with pg's own parsing of jsonb; seeding for the read cases uses COPY.
 */
export const rawPg = async (databaseUrl: string, way: StoreSubjectName): Promise<StoreSubject> => {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  await createRawEventsTable(pool);
  const append = APPENDS[way] ?? copyRows;
  return {
    append: (stream, events, held) => append(pool, stream, events, held),
    readStream: async (stream) => {
      const { rows } = await pool.query({
        name: 'select-stream',
        text: `SELECT ${SELECTED} FROM raw_events WHERE stream_id = $1 ORDER BY stream_position`,
        values: [stream],
      });
      return rows.length;
    },
    readAll: async (after, limit) => {
      const { rows } = await pool.query<{ global_position: string }>({
        name: 'select-log',
        text: `SELECT ${SELECTED} FROM raw_events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
        values: [after.toString(), limit],
      });
      return { count: rows.length, position: rows.length > 0 ? BigInt(rows[rows.length - 1].global_position) : after };
    },
    close: () => pool.end(),
  };
};
