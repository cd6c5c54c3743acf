export * from './instrument-definition';
export * from './score-assessment';
export * from './assessment-change';
