import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * Metrics live in the registry the app passes in (its /metrics). Several relays or consumers in one
 * process share a metric and tell themselves apart by labels, so a metric is registered once.
 */
export const counterIn = <L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[]) =>
  (registry.getSingleMetric(name) as Counter<L> | undefined) ??
  new Counter<L>({ name, help, labelNames, registers: [registry] });

export const gaugeIn = <L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[]) =>
  (registry.getSingleMetric(name) as Gauge<L> | undefined) ??
  new Gauge<L>({ name, help, labelNames, registers: [registry] });
