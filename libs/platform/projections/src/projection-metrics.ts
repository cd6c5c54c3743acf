import { Counter, Gauge, type Registry } from 'prom-client';

const gauge = (registry: Registry, name: string, help: string) =>
  (registry.getSingleMetric(name) as Gauge<'projection'> | undefined) ??
  new Gauge({ name, help, labelNames: ['projection'], registers: [registry] });

/** Projection lag and pace for /metrics (DESIGN §8), labelled `name@version`. */
export class ProjectionMetrics {
  private readonly position;
  private readonly lag;
  private readonly active;
  private readonly applied;

  constructor(registry: Registry) {
    this.position = gauge(registry, 'alongside_projection_position', 'Global position the projection has applied up to');
    this.lag = gauge(registry, 'alongside_projection_lag_events', 'Events in the log the projection has not applied yet');
    this.active = gauge(registry, 'alongside_projection_active', '1 when this version is the one readers use');
    this.applied =
      (registry.getSingleMetric('alongside_projection_events_total') as Counter<'projection'> | undefined) ??
      new Counter({
        name: 'alongside_projection_events_total',
        help: 'Events read from the log by the projection (applied or skipped)',
        labelNames: ['projection'],
        registers: [registry],
      });
  }

  advanced(projection: string, position: bigint, events: number): void {
    this.position.set({ projection }, Number(position));
    this.applied.inc({ projection }, events);
  }

  behind(projection: string, lag: bigint): void {
    this.lag.set({ projection }, Number(lag));
  }

  activeVersion(projection: string, active: boolean): void {
    this.active.set({ projection }, active ? 1 : 0);
  }
}
