import type { CustomTypesConfig } from 'pg';

// Type oids of the log's columns (pg_type); every other column arrives as the text Postgres sent.
const INT8 = 20;
const JSON_TEXT = 114; // recorded_at, as to_json's string
const JSONB = 3802;

const asSent = (text: string): string => text;

/**
 * Parsers for the log's rows, given to each read query rather than set on `pg` globally: pg applies
 * them as each row arrives, so decoding a page overlaps with Postgres still sending it (decoding
 * after the whole page arrived took as long again as the query on a quiet machine). Positions become
 * bigints straight from their text, exact beyond 2^53 whatever parsers other code set on `pg`.
 */
export const recordedRowTypes = {
  getTypeParser: (oid: number) => (oid === INT8 ? BigInt : oid === JSONB || oid === JSON_TEXT ? JSON.parse : asSent),
} as CustomTypesConfig;

/** The same, with data and metadata left as the JSON text stored: for readers that only pass it on. */
export const storedJsonRowTypes = {
  getTypeParser: (oid: number) => (oid === INT8 ? BigInt : oid === JSON_TEXT ? JSON.parse : asSent),
} as CustomTypesConfig;
