export * from './kaplan-meier';
export * from './log-rank';
export * from './rate-ratio';
export * from './chi-square';
export * from './small-cell-suppression';
