import type { AppendResult, ExpectedVersion } from '@alongside/platform/event-store';
import type { ClientBase, Pool } from 'pg';
import { refusedAppend } from './append-outcome';
import { asJsonArray, type EncodedEvents } from './encoded-events';
import { expectedParameters } from './expected-parameters';
import type { Statements } from './statements';
import { storedStateOf } from './stored-state';

/**
 * Every append: one statement, one round trip, its own transaction. COPY through a temporary
 * table was measured for 500 to 10,000 events and spent as much CPU (client and server) as this
 * statement, with three more round trips, so there is no second path for large batches. A refused
 * append (a conflict, or a retry of one already stored) takes a second query to tell which.
 */
export const appendInOneStatement = async (
  db: Pool | ClientBase,
  statements: Statements,
  stream: string,
  events: EncodedEvents,
  expected: ExpectedVersion,
): Promise<AppendResult> => {
  const appended = events.count === 1 ? await appendOne(db, statements, stream, events, expected) : await appendMany(db, statements, stream, events, expected);
  if (appended !== null) return { nextExpectedVersion: appended, appended: true };
  return refusedAppend(stream, events.count, expected, await storedStateOf(db, statements, stream, events.ids));
};

/** The stream's version after the append, or null when refused. */
const appendOne = async (db: Pool | ClientBase, statements: Statements, stream: string, events: EncodedEvents, expected: ExpectedVersion) => {
  const { rows } = await db.query<{ version: string }>({
    ...statements.appendOne,
    values: [stream, ...expectedParameters(expected), events.ids[0], events.types[0], events.data[0], events.metadata[0]],
  });
  return rows.length === 1 ? BigInt(rows[0].version) : null;
};

const appendMany = async (db: Pool | ClientBase, statements: Statements, stream: string, events: EncodedEvents, expected: ExpectedVersion) => {
  const { rows } = await db.query<{ version: string | null; appended: number }>({
    ...statements.appendMany,
    values: [stream, ...expectedParameters(expected), events.ids, events.types, asJsonArray(events.data), asJsonArray(events.metadata)],
  });
  const [{ version, appended }] = rows;
  return version !== null && appended === events.count ? BigInt(version) + BigInt(events.count) : null;
};
