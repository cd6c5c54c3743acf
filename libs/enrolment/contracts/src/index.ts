// The public contract of the enrolment service: the only thing other services may import from it.
export * from './calendar';
export * from './topic';
export * from './reference-data/codes';
export * from './reference-data/consent-terms';
export * from './reference-data/reference-data';
export * from './events/site.events';
export * from './events/participant.events';
export * from './events/consent.events';
export * from './events/episode.events';
export * from './events/transfer.events';
export * from './enrolment-event';
export * from './schema-versions';
export type { JsonSchema } from './schemas/schema-parts';
export * from './schemas/event-schemas';
export * from './schemas/validate-event';
export * from './examples';
