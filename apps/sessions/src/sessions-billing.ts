import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { SERVICE_CONFIG, type ServiceConfig } from '@alongside/platform/service-runtime';
import { AttendanceBilling, BillableUnitsReactor } from '@alongside/sessions/application';
import { DataSource } from 'typeorm';

/** Bills every recorded attendance from the sessions log, in-process (ROLE=all|projections). */
@Injectable()
export class SessionsBilling implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly reactor: BillableUnitsReactor;

  constructor(dataSource: DataSource, @Inject(EVENT_STORE) store: EventStore, @Inject(SERVICE_CONFIG) config: ServiceConfig, billing: AttendanceBilling) {
    this.reactor = new BillableUnitsReactor({ store, dataSource, schema: config.context, billing, idleMs: 100 });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reactor.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reactor.stop();
  }
}
