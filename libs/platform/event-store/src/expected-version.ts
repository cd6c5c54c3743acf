/**
 * What the writer believes the stream's version is. There is no 'any' on purpose: a command
 * always states what it decided on; 'exists' is for append-only logs where nothing is decided.
 */
export type ExpectedVersion = 'no_stream' | 'exists' | bigint;

/** A stream's version: its last event's 0-based position, or 'no_stream' when it has none. */
export type StreamVersion = 'no_stream' | bigint;

export const describeVersion = (version: ExpectedVersion | StreamVersion): string =>
  typeof version === 'bigint' ? version.toString() : version;

/** Whether a stream at `actual` may be appended to by a writer expecting `expected`. */
export const meetsExpectation = (actual: StreamVersion, expected: ExpectedVersion): boolean =>
  expected === 'no_stream' ? actual === 'no_stream'
  : expected === 'exists' ? actual !== 'no_stream'
  : actual === expected;
