import { eventStoreContract } from '@alongside/platform/event-store';
import { EsdbEventStore } from './esdb-event-store';

// EventStoreDB cannot run on every machine (it is not on npm): the contract runs whenever a server
// is given, e.g. `EVENTSTORE_URL=esdb://127.0.0.1:2113?tls=false` with docker-compose's. The server
// needs EVENTSTORE_MAX_APPEND_SIZE above the contract's 10,000-event batch (about 4 MiB), and
// version 22.6 or later (stream reads carry global positions from then on).
const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('EventStoreDB', async ({ upcasters }) => {
    // Contract streams are `contract.…`: the log of this context is theirs alone.
    const store = await EsdbEventStore.connect({ connectionString: url, upcasters, context: 'contract' });
    return { store, cleanup: () => store.close() };
  });
} else {
  console.log('EventStoreDB event store contract skipped: set EVENTSTORE_URL (e.g. esdb://127.0.0.1:2113?tls=false) to run it.');
  describe.skip('EventStoreDB event store contract (skipped: EVENTSTORE_URL is not set)', () => {
    it('runs the event store contract against a server', () => undefined);
  });
}
