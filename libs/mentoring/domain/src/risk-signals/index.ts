export * from './risk-signals.decider';
