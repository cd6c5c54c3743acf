export { PostgresEventStore, type PostgresEventStoreOptions, type PostgresStoreTransaction } from './postgres-event-store';
/** The store's SQL, for a benchmark that times it without the store's own code around it. */
export { statementsFor } from './statements';
