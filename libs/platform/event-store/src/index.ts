export * from './expected-version';
export * from './event-store';
