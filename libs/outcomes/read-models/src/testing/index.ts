export * from './outcome-history';
