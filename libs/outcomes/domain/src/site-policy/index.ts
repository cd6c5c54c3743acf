export * from './site-policy.decider';
