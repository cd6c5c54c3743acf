import { createHash } from 'node:crypto';

/**
 * Advisory locks are keyed by two integers: what the lock is for, and which schema. The pair form
 * never collides with locks other code takes with a single bigint key.
 */
const PURPOSE = { migration: 0x41_4c_4d_47, positions: 0x41_4c_50_53 } as const; // 'ALMG', 'ALPS'

const keyOf = (schema: string): number => createHash('sha256').update(schema).digest().readInt32BE(0);

export const advisoryLock = (purpose: keyof typeof PURPOSE, schema: string): readonly [number, number] => [
  PURPOSE[purpose],
  keyOf(schema),
];
