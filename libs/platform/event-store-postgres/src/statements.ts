/**
 * The SQL of one schema's log, as named statements: each connection parses and plans them once.
 * Expected versions travel as a kind ('no_stream' | 'exists' | 'version') and a number, so that
 * the check runs in SQL beside the insert.
 */
export type Statements = ReturnType<typeof statementsFor>;

export const statementsFor = (s: string) => {
  const recordedColumns = `global_position::text, stream_id, stream_position::text, event_id::text, type,
                           data::text, metadata::text, to_json(recorded_at) #>> '{}'`;
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
    /** $1 stream, $2..$3 stream positions; the version comes along even when the range is empty. */
    readStream: {
      name: `${s}.read-stream`,
      text: `
        SELECT head.version::text, e.*
        FROM (SELECT max(stream_position) AS version FROM ${s}.events WHERE stream_id = $1) head
        LEFT JOIN LATERAL (
          SELECT ${recordedColumns}, stream_position AS position
          FROM ${s}.events WHERE stream_id = $1 AND stream_position BETWEEN $2 AND $3
        ) e ON true
        ORDER BY e.position`,
    },
    /**
     * Only transactions below the snapshot's xmin have finished; positions are handed out in
     * transaction order (migration 2), so nothing still running holds a position below these.
     * The subquery takes the snapshot's xmin once, not once per row.
     */
    readAll: {
      name: `${s}.read-all`,
      text: `
        SELECT ${recordedColumns}
        FROM ${s}.events
        WHERE global_position > $1 AND transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
        ORDER BY events.global_position -- the column: the output of the same name is text
        LIMIT $2`,
    },
    streamExists: {
      name: `${s}.stream-exists`,
      text: `SELECT EXISTS (SELECT FROM ${s}.events WHERE stream_id = $1) AS exists`,
    },
  } as const;
};
