import type { OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { ProjectionRunner, type Projection } from '@alongside/platform/projections';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { ReadinessChecks } from '../health/readiness-checks';
import { METRICS_REGISTRY } from '../metrics/metrics.registry';
import { eventLogHead } from './event-log-head';

/**
 * A service's read models kept from its own log in this process (ROLE=all|projections): started
 * with the app, reported on /health/ready, stopped on shutdown. The runner is public so a test or
 * a benchmark can wait for it to catch up.
 */
export class InProcessProjections implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    readonly runner: ProjectionRunner,
    private readonly readiness: ReadinessChecks,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
    this.readiness.register('projections', async () => this.runner.readiness());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

/**
 * The provider of a service's in-process projections. A short idle poll keeps the read models
 * (and the dashboards on them) within a second or two of a command.
 */
export const inProcessProjections = (projections: readonly Projection[]): Provider => ({
  provide: InProcessProjections,
  inject: [DataSource, EVENT_STORE, SERVICE_CONFIG, METRICS_REGISTRY, ReadinessChecks],
  useFactory: (
    dataSource: DataSource,
    store: EventStore,
    config: ServiceConfig,
    metrics: Registry,
    readiness: ReadinessChecks,
  ) =>
    new InProcessProjections(
      new ProjectionRunner({
        dataSource,
        store,
        logHead: eventLogHead(dataSource, config.context),
        projections,
        idleMs: 50,
        metrics,
      }),
      readiness,
    ),
});
