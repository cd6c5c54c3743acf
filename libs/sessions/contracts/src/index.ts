// The public contract of the sessions service: the only thing other services may import from it.
export * from './vocabulary';
export * from './topic';
export * from './events/group-events';
export * from './events/session-events';
export * from './events/billing-events';
export * from './events/heard-events';
export * from './sessions-event';
export * from './schema-versions';
export type { JsonSchema } from './schemas/schema-parts';
export * from './schemas/sessions-event-schemas';
export * from './examples';
