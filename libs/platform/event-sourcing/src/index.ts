export * from './decider';
export * from './event';
export * from './site-id';
export * from './stream-name';
export * from './event-id';
export * from './errors';
export * from './upcasting';
export * from './decider-specification';
