import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per service instance (not prom-client's global one), so that tests
 * running several apps in one process don't collide on metric names.
 */
export const METRICS_REGISTRY = Symbol.for('alongside.MetricsRegistry');

export const createMetricsRegistry = (context: string): Registry => {
  const registry = new Registry();
  registry.setDefaultLabels({ service: context });
  collectDefaultMetrics({ register: registry });
  return registry;
};
