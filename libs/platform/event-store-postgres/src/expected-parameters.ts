import type { ExpectedVersion } from '@alongside/platform/event-store';

/** The expected version as the statements take it: a kind ($2) and a number ($3). */
export const expectedParameters = (expected: ExpectedVersion): [string, string | null] =>
  typeof expected === 'bigint' ? ['version', expected.toString()] : [expected, null];
