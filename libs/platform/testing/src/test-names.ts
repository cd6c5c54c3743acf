// Names of throw-away test resources (databases, topics). They carry their creation time so a later
// run can tell what an interrupted run left behind (see tools/jest/abandoned-test-resources.ts), and
// random letters so parallel test files, and parallel jest runs, never collide.
import { randomBytes } from 'node:crypto';

/** Every test database and topic name starts with this. */
export const testPrefix = 'test';

const slug = (label: string, maxLength: number): string =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, maxLength) || 'x';

/** Base-36 milliseconds: 8 characters until the year 2059, sortable as text. */
const stamp = (): string => Date.now().toString(36).padStart(8, '0');

const random = (): string => randomBytes(4).toString('hex');

/** `test_<label>_<stamp>_<random>`: at most 63 characters, Postgres's identifier limit. */
export const testDatabaseName = (label: string): string =>
  `${testPrefix}_${slug(label, 63 - testPrefix.length - 19)}_${stamp()}_${random()}`;

/** `test.<label>.<stamp>-<random>`; Kafka allows [a-zA-Z0-9._-], up to 249 characters. */
export const testTopicName = (label: string): string =>
  `${testPrefix}.${slug(label, 200).replace(/_/g, '-')}.${stamp()}-${random()}`;

/**
 * When a name made here was made, or undefined for names that are not ours. Names built on one
 * (`${uniqueTopic('relay')}.alongside.enrolment.events`) count as made at the same time.
 */
export const createdAt = (name: string): Date | undefined => {
  const match = /^test[_.].*?[_.]([0-9a-z]{8})[_-][0-9a-f]{8}(?=$|[._-])/.exec(name);
  return match ? new Date(parseInt(match[1], 36)) : undefined;
};
