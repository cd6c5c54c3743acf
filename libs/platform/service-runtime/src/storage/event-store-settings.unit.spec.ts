import { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import { readServiceConfig } from '../config/service-config';
import { SERVICE_CONTEXTS } from '../config/service-context';
import { eventStoreSettingsOf } from './event-store-settings';

const ESDB_URL = 'esdb://127.0.0.1:2113?tls=false';

describe('The event store a service connects to', () => {
  describe.each(SERVICE_CONTEXTS)('for the %s service', (context) => {
    it('on EventStoreDB, follows only its own streams: the adapter gets the service context', () => {
      const upcasters = new UpcasterRegistry({ SessionHeld: 2 });
      const settings = eventStoreSettingsOf(readServiceConfig(context, { EVENT_STORE: 'esdb', EVENTSTORE_URL: ESDB_URL }), upcasters);
      expect(settings).toEqual({ adapter: 'esdb', options: { connectionString: ESDB_URL, upcasters, context } });
    });

    it('on Postgres (the default), keeps its log in its own schema', () => {
      const settings = eventStoreSettingsOf(readServiceConfig(context, { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' }));
      expect(settings).toEqual({ adapter: 'postgres', options: { connectionString: 'postgres://u:p@127.0.0.1:5432/db', schema: context, upcasters: undefined } });
    });
  });
});
