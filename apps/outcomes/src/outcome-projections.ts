import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { outcomeViewsProjection } from '@alongside/outcomes/read-models';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { ProjectionRunner } from '@alongside/platform/projections';
import { METRICS_REGISTRY, ReadinessChecks, SERVICE_CONFIG, type ServiceConfig } from '@alongside/platform/service-runtime';
import type { Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** The Postgres store keeps its log in <schema>.events; its newest position is the head. */
export const logHeadOf = (dataSource: DataSource, schema: string) => async (): Promise<bigint> =>
  BigInt((await dataSource.query(`select coalesce(max(global_position), 0)::text as head from "${schema}".events`))[0].head);

/**
 * Keeps the outcome views from outcomes' own log, in-process (ROLE=all|projections). A short idle
 * poll keeps dashboards within a second or two of a command.
 */
@Injectable()
export class OutcomeProjections implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly runner: ProjectionRunner;

  constructor(
    dataSource: DataSource,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(METRICS_REGISTRY) metrics: Registry,
    private readonly readiness: ReadinessChecks,
  ) {
    this.runner = new ProjectionRunner({
      dataSource,
      store,
      logHead: logHeadOf(dataSource, config.context),
      projections: [outcomeViewsProjection],
      idleMs: 50,
      metrics,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
    this.readiness.register('projections', async () => this.runner.readiness());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
