export * from './check-in-log.decider';
export * from './check-in-log.errors';
