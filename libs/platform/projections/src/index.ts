export * from './projection';
export * from './log-head';
export type { Logger } from './logger';
export type { ProjectionState } from './projection-bookkeeping';
export type { ProjectionProgress } from './projection-follower';
export * from './projection-runner';
export * from './active-projections';
