import type { ExpectedVersion } from '@alongside/platform/event-store';
import { NO_STREAM, STREAM_EXISTS, type AppendExpectedRevision } from '@eventstore/db-client';

/**
 * Our expected versions are EventStoreDB's, minus ANY: ANY neither checks concurrency nor
 * guarantees idempotency, and the port has no way to ask for it.
 */
export const expectedRevisionOf = (expected: ExpectedVersion): AppendExpectedRevision =>
  expected === 'no_stream' ? NO_STREAM : expected === 'exists' ? STREAM_EXISTS : expected;

/** Where the first event of an append would land, when the expectation says so. */
export const firstRevisionOf = (expected: ExpectedVersion): bigint | null =>
  expected === 'no_stream' ? 0n : expected === 'exists' ? null : expected + 1n;
