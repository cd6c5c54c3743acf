export * from './check-in-events';
