export { PostgresEventStore, COPY_THRESHOLD, type PostgresEventStoreOptions } from './postgres-event-store';
