import type { ClientBase, Pool } from 'pg';
import { streamVersion, type StoredState } from './append-outcome';
import type { Statements } from './statements';

type StoredStateRow = { version: string | null; already_stored: number; last_stored: string | null; elsewhere: number };

/** What the log holds of a batch whose append hit a unique constraint. */
export const storedStateOf = async (
  db: Pool | ClientBase,
  statements: Statements,
  stream: string,
  ids: readonly string[],
): Promise<StoredState> => {
  const { rows } = await db.query<StoredStateRow>({ ...statements.storedState, values: [stream, ids] });
  const [row] = rows;
  if (row.elsewhere > 0) {
    // Ids derive from the command and the stream (eventIdFor), so this is a bug, not a race.
    throw new Error(`${row.elsewhere} of the event ids appended to ${stream} are already stored in another stream; event ids are unique in the log`);
  }
  return {
    version: streamVersion(row.version),
    alreadyStored: row.already_stored,
    lastStored: row.last_stored === null ? null : BigInt(row.last_stored),
  };
};

export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
