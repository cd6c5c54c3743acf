/**
 * The SQL of one schema's log, as named statements: each connection parses and plans them once.
 * Expected versions travel as a kind ('no_stream' | 'exists' | 'version') and a number, so that
 * the check runs in SQL beside the insert.
 */
export type Statements = ReturnType<typeof statementsFor>;

export const statementsFor = (s: string) => {
  const meetsExpectation = `CASE $2::text WHEN 'no_stream' THEN version IS NULL
                                          WHEN 'exists' THEN version IS NOT NULL
                                          ELSE version = $3::bigint END`;
  const recordedColumns = `global_position::text, stream_id, stream_position::text, event_id::text, type,
                           data::text, metadata::text, to_json(recorded_at) #>> '{}'`;
  return {
    /**
     * One round trip, one transaction: check the expected version, take the global positions,
     * insert every event. When the check fails it inserts nothing and says whether the batch's ids
     * are already in the stream (a retry), so that even a refused append needs no second query.
     * $1 stream, $2/$3 expected, $4 ids, $5 types, $6 data and $7 metadata as JSON arrays.
     */
    append: {
      name: `${s}.append`,
      text: `
        WITH head AS (
          SELECT max(stream_position) AS version FROM ${s}.events WHERE stream_id = $1
        ), accepted AS (
          SELECT coalesce(version, -1) AS version FROM head WHERE ${meetsExpectation}
        ), block AS MATERIALIZED (
          SELECT ${s}.allocate_global_positions(cardinality($4::uuid[])) AS first_position, version FROM accepted
        ), inserted AS (
          INSERT INTO ${s}.events (global_position, stream_id, stream_position, event_id, type, data, metadata)
          OVERRIDING SYSTEM VALUE
          SELECT block.first_position + e.n - 1, $1, block.version + e.n, e.id, e.type, e.data, e.metadata
          FROM block, ROWS FROM (
            unnest($4::uuid[]), unnest($5::text[]), jsonb_array_elements($6::jsonb), jsonb_array_elements($7::jsonb)
          ) WITH ORDINALITY AS e(id, type, data, metadata, n)
          RETURNING 1
        )
        SELECT head.version::text AS version,
               (SELECT count(*) FROM inserted)::int AS appended,
               -- Only looked up when refused (CASE runs a subquery only on its branch), and by
               -- event id alone: a stream_id condition could make it scan the whole stream.
               (CASE WHEN NOT EXISTS (SELECT FROM accepted) THEN (
                  SELECT count(*) FILTER (WHERE stream_id = $1) FROM ${s}.events WHERE event_id = ANY($4::uuid[])
               ) END)::int AS already_stored,
               (CASE WHEN NOT EXISTS (SELECT FROM accepted) THEN (
                  SELECT max(stream_position) FILTER (WHERE stream_id = $1) FROM ${s}.events WHERE event_id = ANY($4::uuid[])
               ) END)::text AS last_stored
        FROM head`,
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
     */
    readAll: {
      name: `${s}.read-all`,
      text: `
        SELECT ${recordedColumns}
        FROM ${s}.events
        WHERE global_position > $1 AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY events.global_position -- the column: the output of the same name is text
        LIMIT $2`,
    },
    streamExists: {
      name: `${s}.stream-exists`,
      text: `SELECT EXISTS (SELECT FROM ${s}.events WHERE stream_id = $1) AS exists`,
    },
  } as const;
};
