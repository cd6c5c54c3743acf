export { PostgresEventStore, type PostgresEventStoreOptions, type PostgresStoreTransaction } from './postgres-event-store';
