import { Inject, Injectable, Module, Optional, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import type { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { enrolmentUpcasterRegistry } from '@alongside/enrolment/contracts';
import { enrolmentViewsProjection } from '@alongside/enrolment/read-models';
import {
  ENROLMENT_CONFIG,
  EnrolmentModule,
  readEnrolmentConfig,
  transferSagaConsumer,
  TransferSaga,
  type EnrolmentConfig,
  type EnrolmentModuleOptions,
} from '@alongside/enrolment/application';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { EventConsumers, EventConsumersModule, KafkaRelay } from '@alongside/platform/messaging-kafka';
import { ProjectionRunner, ProjectionsModule } from '@alongside/platform/projections';
import { eventLogHead, METRICS_REGISTRY, ReadinessChecks, SERVICE_CONFIG, serviceRelay, ServiceRuntimeModule, type ServiceConfig } from '@alongside/platform/service-runtime';

export type EnrolmentAppOptions = EnrolmentModuleOptions;

const kafkaOf = (config: ServiceConfig, clientId: string) => new Kafka({ clientId, brokers: config.kafkaBrokers, logLevel: logLevel.NOTHING });

/** What runs beside the routes reports to /health/ready. */
@Injectable()
class BackgroundReadiness implements OnApplicationBootstrap {
  constructor(
    private readonly readiness: ReadinessChecks,
    @Optional() @Inject(KafkaRelay) private readonly relay?: KafkaRelay,
    @Optional() @Inject(EventConsumers) private readonly consumers?: EventConsumers,
    @Optional() @Inject(ProjectionRunner) private readonly projections?: ProjectionRunner,
  ) {}

  onApplicationBootstrap(): void {
    const { relay, consumers, projections } = this;
    if (relay) this.readiness.register('relay', async () => ({ up: relay.status().lastError === null, details: { ...relay.status(), position: relay.status().position?.toString() ?? null, lag: relay.status().lag?.toString() ?? null } }));
    if (consumers) this.readiness.register('consumers', async () => ({ up: consumers.all.every((c) => c.status().running), details: Object.fromEntries(consumers.all.map((c) => [c.status().name, c.status()])) }));
    if (projections) this.readiness.register('projections', async () => projections.readiness());
  }
}

/**
 * The enrolment service: its routes and, by ROLE (default all), the relay to
 * `alongside.enrolment.events`, the transfer-saga consumer and the projections, in one process.
 */
@Module({})
export class EnrolmentAppModule {
  static forRoot(options: EnrolmentAppOptions = {}): DynamicModule {
    const env = options.env ?? process.env;
    const settings: EnrolmentConfig = readEnrolmentConfig(env);
    const enrolment = EnrolmentModule.forRoot(options);
    const background: DynamicModule[] = [];
    // Polls a quiet log every 50 ms (the relay's default is 100): the other services wait on enrolment's events.
    if (settings.runRelay) background.push(serviceRelay({ clientId: 'enrolment-relay', topicPrefix: settings.topicPrefix, idleMs: 50 }));
    if (settings.runConsumers) {
      background.push(
        EventConsumersModule.forRootAsync({
          imports: [enrolment],
          inject: [SERVICE_CONFIG, TransferSaga, ENROLMENT_CONFIG, METRICS_REGISTRY],
          useFactory: (config: ServiceConfig, saga: TransferSaga, enrolmentConfig: EnrolmentConfig, metrics: Registry) => [
            transferSagaConsumer(saga, enrolmentConfig, kafkaOf(config, 'enrolment-transfer-saga'), { connectionString: config.databaseUrl, schema: config.context }, metrics),
          ],
        }),
      );
    }
    if (settings.runProjections) {
      background.push(
        ProjectionsModule.forRootAsync({
          inject: [DataSource, EVENT_STORE, SERVICE_CONFIG, METRICS_REGISTRY],
          useFactory: (dataSource: DataSource, store: EventStore, config: ServiceConfig, metrics: Registry) => ({
            dataSource,
            store,
            logHead: eventLogHead(dataSource, config.context),
            projections: [enrolmentViewsProjection],
            idleMs: 50,
            metrics,
          }),
        }),
      );
    }
    return {
      module: EnrolmentAppModule,
      imports: [ServiceRuntimeModule.forRoot({ context: 'enrolment', upcasters: enrolmentUpcasterRegistry, env, ownDatabaseRole: true }), enrolment, ...background],
      providers: [BackgroundReadiness],
    };
  }
}
