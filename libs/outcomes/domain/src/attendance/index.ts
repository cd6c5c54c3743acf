export * from './attendance-revision';
