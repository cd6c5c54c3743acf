/**
 * The SQL of one schema's log, as named statements: each connection parses and plans them once.
 * Expected versions travel as a kind ('no_stream' | 'exists' | 'version') and a number, so that
 * the check runs in SQL beside the insert.
 */
export type Statements = ReturnType<typeof statementsFor>;

export const statementsFor = (s: string) => {
  // Columns in their own types: pg turns them into values as each row arrives (row-types.ts), while
  // the server is still sending the rest. to_json gives recorded_at as ISO 8601 whatever DateStyle,
  // as a JSON string: taking the text out of it in SQL (#>>) cost 0.8 ms per 1,000 rows.
  const recordedAt = 'to_json(recorded_at)';
  const recordedColumns = `global_position, stream_id, stream_position, event_id, type, data, metadata, ${recordedAt}`;
  // The stream's version and the batch's first global position, or no row when the stream is not
  // at the expected version (then no position is taken). $1 stream, $2/$3 expected.
  const block = (howMany: string) => `
    block AS MATERIALIZED (
      SELECT ${s}.allocate_global_positions(${howMany}) AS first_position,
             coalesce(max(stream_position), -1) AS version
      FROM ${s}.events WHERE stream_id = $1
      HAVING CASE $2::text WHEN 'no_stream' THEN max(stream_position) IS NULL
                           WHEN 'exists' THEN max(stream_position) IS NOT NULL
                           ELSE max(stream_position) = $3::bigint END
    )`;
  return {
    /**
     * Most commands decide one event: no arrays to unpack. One round trip, one transaction; no
     * row back means the stream was not at the expected version. $4 id, $5 type, $6 data, $7 metadata.
     */
    appendOne: {
      name: `${s}.append-one`,
      text: `
        WITH ${block('1')}
        INSERT INTO ${s}.events (global_position, stream_id, stream_position, event_id, type, data, metadata)
        OVERRIDING SYSTEM VALUE
        SELECT first_position, $1, version + 1, $4::uuid, $5::text, $6::jsonb, $7::jsonb FROM block
        RETURNING stream_position::text AS version`,
    },
    /**
     * A batch in one statement: $4 ids and $5 types as arrays, $6 data and $7 metadata as JSON
     * arrays. Answers the version before the batch and how many rows went in (0: refused).
     */
    appendMany: {
      name: `${s}.append-many`,
      text: `
        WITH ${block('cardinality($4::uuid[])')},
        inserted AS (
          INSERT INTO ${s}.events (global_position, stream_id, stream_position, event_id, type, data, metadata)
          OVERRIDING SYSTEM VALUE
          SELECT block.first_position + e.n - 1, $1, block.version + e.n, e.id, e.type, e.data, e.metadata
          FROM block, ROWS FROM (
            unnest($4::uuid[]), unnest($5::text[]), jsonb_array_elements($6::jsonb), jsonb_array_elements($7::jsonb)
          ) WITH ORDINALITY AS e(id, type, data, metadata, n)
          RETURNING 1
        )
        SELECT (SELECT version FROM block)::text AS version, (SELECT count(*) FROM inserted)::int AS appended`,
    },
    /** After a unique violation: is the batch already stored (a retry), here or in another stream? */
    storedState: {
      name: `${s}.stored-state`,
      text: `
        SELECT (SELECT max(stream_position) FROM ${s}.events WHERE stream_id = $1)::text AS version,
               count(*) FILTER (WHERE stream_id = $1)::int AS already_stored,
               (max(stream_position) FILTER (WHERE stream_id = $1))::text AS last_stored,
               count(*) FILTER (WHERE stream_id <> $1)::int AS elsewhere
        FROM ${s}.events WHERE event_id = ANY($2::uuid[])`,
    },
    /**
     * $1 stream, $2..$3 stream positions; the version comes along even when the range is empty. The
     * stream id is not sent back: the caller named it.
     */
    readStream: {
      name: `${s}.read-stream`,
      text: `
        SELECT head.version, e.*
        FROM (SELECT max(stream_position) AS version FROM ${s}.events WHERE stream_id = $1) head
        LEFT JOIN LATERAL (
          SELECT global_position, stream_position, event_id, type, data, metadata, ${recordedAt}
          FROM ${s}.events WHERE stream_id = $1 AND stream_position BETWEEN $2 AND $3
        ) e ON true
        ORDER BY e.stream_position`,
    },
    /**
     * Only transactions that cannot still add rows below the ones read: positions are handed out in
     * transaction order (migration 2), so the log is read up to the oldest transaction of the
     * snapshot that may be appending to it (see readHorizon), never past it.
     */
    readAll: {
      name: `${s}.read-all`,
      text: `
        ${readHorizon(s)}
        SELECT ${recordedColumns}
        FROM ${s}.events
        WHERE global_position > $1 AND transaction_id < (SELECT xid FROM horizon)
        ORDER BY global_position
        LIMIT $2`,
    },
    streamExists: {
      name: `${s}.stream-exists`,
      text: `SELECT EXISTS (SELECT FROM ${s}.events WHERE stream_id = $1) AS exists`,
    },
  } as const;
};

/**
 * The first transaction id whose rows a reader of the log must not pass yet: the snapshot's oldest
 * running transaction, unless it provably never appends to this log. Without that exception any
 * transaction on the whole server (another schema's projection batch, an inbox claim, another
 * database's bulk load) held every reader back until it ended: a shared server's background writes
 * showed up as seconds of command → dashboard latency.
 *
 * A running transaction is a bystander when, in one read of the lock table, it holds its xid's lock
 * and no lock above AccessShareLock on this events table, and it is still running after that read.
 * Sound because an append locks the table (RowExclusiveLock, when its INSERT is parsed) before
 * allocate_global_positions takes its xid, and must be its transaction's first write (AE001), so a
 * transaction that has an xid without that lock can never append; and locks are released only
 * after a transaction leaves the running set, so one still running after the read held all its
 * locks during it. Anything not proven a bystander (its xid's lock not seen yet, or it ended
 * meanwhile) holds the horizon, as before. The lock table is read only while something runs.
 */
const readHorizon = (s: string) => `
        WITH snapshot AS MATERIALIZED (SELECT pg_current_snapshot() AS s),
        locks AS MATERIALIZED (
          SELECT locktype, virtualtransaction, transactionid,
                 locktype = 'relation' AND mode <> 'AccessShareLock' AND relation = '${s}.events'::regclass
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AS appends
          FROM pg_locks WHERE locktype IN ('transactionid', 'relation')
        ),
        bystanders AS MATERIALIZED (
          SELECT x.xid FROM snapshot, pg_snapshot_xip(snapshot.s) AS x(xid)
          JOIN locks own ON own.locktype = 'transactionid' AND own.transactionid = x.xid::xid
          WHERE NOT EXISTS (SELECT FROM locks w WHERE w.appends AND w.virtualtransaction = own.virtualtransaction)
        ),
        horizon AS (
          SELECT CASE WHEN pg_snapshot_xmin(s) = pg_snapshot_xmax(s) THEN pg_snapshot_xmax(s)
                      ELSE least(pg_snapshot_xmax(s), (
                        SELECT min(x.xid) FROM pg_snapshot_xip(s) AS x(xid)
                        -- Checked after the lock table was read (the rows come from it): see above.
                        WHERE x.xid NOT IN (SELECT b.xid FROM bystanders b WHERE pg_xact_status(b.xid) = 'in progress')))
                 END AS xid
          FROM snapshot
        )`;
