export * from './attendance-revision';
export * from './last-group-attended';
