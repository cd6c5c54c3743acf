import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { EventConsumersModule, jsonSchemaChecks, KafkaRelayModule } from '@alongside/platform/messaging-kafka';
import { inEventSiteScope } from '@alongside/platform/security';
import { eventLogHead, inProcessProjections, SERVICE_CONFIG, ServiceRuntimeModule, type ServiceConfig } from '@alongside/platform/service-runtime';
import { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import { ENROLMENT_EVENTS_TOPIC, enrolmentEventJsonSchemas, enrolmentUpcasterRegistry } from '@alongside/enrolment/contracts';
import { mentoringUpcasters } from '@alongside/mentoring/contracts';
import { mentoringViewsProjection } from '@alongside/mentoring/read-models';
import { CompanionListener, EnrolmentListener, HEARD_FROM_COMPANION, HEARD_FROM_ENROLMENT, MentoringModule, type MentoringModuleOptions } from '@alongside/mentoring/application';
import { checkInEventSchemas, OUTCOMES_EVENTS_TOPIC, outcomesUpcasters } from '@alongside/outcomes/contracts';
import { DataSource } from 'typeorm';

export type MentoringAppOptions = MentoringModuleOptions &
  Readonly<{
    env?: NodeJS.ProcessEnv;
    /** `alongside` in production; tests give their own topics. */
    topicPrefix?: string;
  }>;

type Role = 'api' | 'relay' | 'projections' | 'all';

const kafkaOf = (config: ServiceConfig, clientId: string) => new Kafka({ clientId, brokers: config.kafkaBrokers, logLevel: logLevel.WARN });

const connectionOf = (config: ServiceConfig) => ({ connectionString: config.databaseUrl });

/**
 * The mentoring service: routes, and (ROLE=all by default) the relay to `alongside.mentoring.events`,
 * the enrolment consumer and the projections, in one process. ROLE=api|relay|projections splits them.
 */
@Module({})
export class MentoringAppModule {
  static forRoot(options: MentoringAppOptions = {}): DynamicModule {
    const env = options.env ?? process.env;
    const role = (env.ROLE ?? 'all') as Role;
    const prefix = options.topicPrefix ?? env.KAFKA_TOPIC_PREFIX ?? 'alongside';
    const background: DynamicModule[] = [];
    const providers: Provider[] = [];
    if (role === 'all' || role === 'relay') {
      background.push(
        KafkaRelayModule.forRootAsync({
          inject: [SERVICE_CONFIG, EVENT_STORE, DataSource],
          useFactory: (config: ServiceConfig, store: EventStore, dataSource: DataSource) => ({
            name: config.context,
            store,
            logHead: eventLogHead(dataSource, config.context),
            connection: connectionOf(config),
            schema: config.context,
            kafka: kafkaOf(config, 'mentoring-relay'),
            contexts: [config.context],
            topicPrefix: prefix,
          }),
        }),
      );
    }
    if (role === 'all' || role === 'projections') providers.push(inProcessProjections([mentoringViewsProjection]));
    const mentoring = MentoringModule.forRoot({ ...options, ...(role === 'api' || role === 'all' ? {} : { sweepIntervalMs: 0 }) });
    if (role === 'all') {
      background.push(
        EventConsumersModule.forRootAsync({
          imports: [mentoring],
          inject: [SERVICE_CONFIG, EnrolmentListener, CompanionListener],
          useFactory: (config: ServiceConfig, listener: EnrolmentListener, companion: CompanionListener) => [
            {
              // A test's own prefix gets its own group: kafkajs assigns a group's partitions as if every
              // member subscribed to the same topics.
              name: prefix === 'alongside' ? 'mentoring.enrolment' : `${prefix}.mentoring.enrolment`,
              kafka: kafkaOf(config, 'mentoring-consumer'),
              topics: [prefix === 'alongside' ? ENROLMENT_EVENTS_TOPIC : `${prefix}.enrolment.events`],
              handlers: inEventSiteScope(listener.handlers),
              schemas: jsonSchemaChecks(Object.fromEntries(HEARD_FROM_ENROLMENT.map((type) => [type, enrolmentEventJsonSchemas[type]]))),
              upcasters: UpcasterRegistry.merge(enrolmentUpcasterRegistry),
              connection: connectionOf(config),
              schema: config.context,
            },
            {
              // The participant's companion check-ins and requests for contact (risk flags on the caseload).
              name: prefix === 'alongside' ? 'mentoring.companion' : `${prefix}.mentoring.companion`,
              kafka: kafkaOf(config, 'mentoring-companion-consumer'),
              topics: [prefix === 'alongside' ? OUTCOMES_EVENTS_TOPIC : `${prefix}.outcomes.events`],
              handlers: inEventSiteScope(companion.handlers),
              schemas: jsonSchemaChecks(Object.fromEntries(HEARD_FROM_COMPANION.map((type) => [type, checkInEventSchemas[type]]))),
              upcasters: UpcasterRegistry.merge(outcomesUpcasters),
              connection: connectionOf(config),
              schema: config.context,
            },
          ],
        }),
      );
    }
    return {
      module: MentoringAppModule,
      imports: [ServiceRuntimeModule.forRoot({ context: 'mentoring', upcasters: mentoringUpcasters, env, ownDatabaseRole: true }), mentoring, ...background],
      providers,
    };
  }
}
