import type { NewEvent } from '@alongside/platform/event-sourcing';
import type { AppendOptions, HeldOpenAppend } from '@alongside/platform/event-store';
import { Client } from 'pg';
import { appendInOneStatement } from './append-in-one-statement';
import { encodeEvents } from './encoded-events';
import { statementsFor } from './statements';

/**
 * For the contract's late-commit case: the same append statement, in a transaction left open until
 * `commit`, on a connection of its own. Test support, not exported from the library.
 */
export const appendHeldOpen = async (
  connectionString: string,
  schema: string,
  stream: string,
  events: readonly NewEvent[],
  { expectedVersion }: AppendOptions,
): Promise<HeldOpenAppend> => {
  const client = new Client({ connectionString });
  await client.connect();
  await client.query('BEGIN');
  await appendInOneStatement(client, statementsFor(schema), stream, encodeEvents(stream, events), expectedVersion);
  return {
    commit: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
};
