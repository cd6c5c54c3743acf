import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ENROLMENT_EVENTS_TOPIC, enrolmentEventJsonSchemas, enrolmentUpcasterRegistry } from '@alongside/enrolment/contracts';
import { MENTORING_EVENTS_TOPIC, mentoringEventSchemas, mentoringUpcasters } from '@alongside/mentoring/contracts';
import { SESSIONS_EVENTS_TOPIC, sessionsEventSchemas, sessionsUpcasters } from '@alongside/sessions/contracts';
import {
  EnrolmentListener,
  HEARD_FROM_ENROLMENT,
  HEARD_FROM_MENTORING,
  HEARD_FROM_SESSIONS,
  MentoringListener,
  OutcomesModule,
  SessionsListener,
  type OutcomesModuleOptions,
} from '@alongside/outcomes/application';
import { outcomesUpcasters } from '@alongside/outcomes/contracts';
import { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { EventConsumersModule, jsonSchemaChecks, KafkaRelayModule } from '@alongside/platform/messaging-kafka';
import { eventLogHead, SERVICE_CONFIG, ServiceRuntimeModule, type ServiceConfig } from '@alongside/platform/service-runtime';
import { DashboardPageController } from './dashboard-page/dashboard-page.controller';
import { outcomeProjections } from './outcome-projections';

export type OutcomesAppOptions = OutcomesModuleOptions &
  Readonly<{
    env?: NodeJS.ProcessEnv;
    /** `alongside` in production; tests give their own topics (here or as KAFKA_TOPIC_PREFIX, like enrolment). */
    topicPrefix?: string;
  }>;

type Role = 'api' | 'relay' | 'projections' | 'all';

const kafkaOf = (config: ServiceConfig, clientId: string) => new Kafka({ clientId, brokers: config.kafkaBrokers, logLevel: logLevel.WARN });
const connectionOf = (config: ServiceConfig) => ({ connectionString: config.databaseUrl });
const topicOf = (prefix: string, context: string, production: string) => (prefix === 'alongside' ? production : `${prefix}.${context}.events`);

/**
 * The outcomes service: routes and the dashboard page, and (ROLE=all by default) the relay to
 * `alongside.outcomes.events`, the consumers of enrolment, sessions and mentoring, and the
 * projections, in one process. ROLE=api|relay|projections splits them.
 */
@Module({})
export class OutcomesAppModule {
  static forRoot(options: OutcomesAppOptions = {}): DynamicModule {
    const env = options.env ?? process.env;
    const role = (env.ROLE ?? 'all') as Role;
    const prefix = options.topicPrefix ?? env.KAFKA_TOPIC_PREFIX ?? 'alongside';
    const outcomes = OutcomesModule.forRoot(options);
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
            kafka: kafkaOf(config, 'outcomes-relay'),
            contexts: [config.context],
            topicPrefix: prefix,
          }),
        }),
      );
    }
    if (role === 'all' || role === 'projections') providers.push(outcomeProjections);
    if (role === 'all') {
      background.push(
        EventConsumersModule.forRootAsync({
          imports: [outcomes],
          inject: [SERVICE_CONFIG, EnrolmentListener, SessionsListener, MentoringListener],
          useFactory: (config: ServiceConfig, enrolment: EnrolmentListener, sessions: SessionsListener, mentoring: MentoringListener) => [
            {
              name: prefix === 'alongside' ? 'outcomes.enrolment' : `${prefix}.outcomes.enrolment`,
              kafka: kafkaOf(config, 'outcomes-enrolment'),
              topics: [topicOf(prefix, 'enrolment', ENROLMENT_EVENTS_TOPIC)],
              handlers: enrolment.handlers,
              schemas: jsonSchemaChecks(Object.fromEntries(HEARD_FROM_ENROLMENT.map((type) => [type, enrolmentEventJsonSchemas[type]]))),
              upcasters: UpcasterRegistry.merge(enrolmentUpcasterRegistry),
              connection: connectionOf(config),
              schema: config.context,
            },
            {
              name: prefix === 'alongside' ? 'outcomes.sessions' : `${prefix}.outcomes.sessions`,
              kafka: kafkaOf(config, 'outcomes-sessions'),
              topics: [topicOf(prefix, 'sessions', SESSIONS_EVENTS_TOPIC)],
              handlers: sessions.handlers,
              schemas: jsonSchemaChecks(Object.fromEntries(HEARD_FROM_SESSIONS.map((type) => [type, sessionsEventSchemas[type]]))),
              upcasters: UpcasterRegistry.merge(sessionsUpcasters),
              connection: connectionOf(config),
              schema: config.context,
            },
            {
              name: prefix === 'alongside' ? 'outcomes.mentoring' : `${prefix}.outcomes.mentoring`,
              kafka: kafkaOf(config, 'outcomes-mentoring'),
              topics: [topicOf(prefix, 'mentoring', MENTORING_EVENTS_TOPIC)],
              handlers: mentoring.handlers,
              schemas: jsonSchemaChecks(Object.fromEntries(HEARD_FROM_MENTORING.map((type) => [type, mentoringEventSchemas[type]]))),
              upcasters: UpcasterRegistry.merge(mentoringUpcasters),
              connection: connectionOf(config),
              schema: config.context,
            },
          ],
        }),
      );
    }
    return {
      module: OutcomesAppModule,
      imports: [ServiceRuntimeModule.forRoot({ context: 'outcomes', upcasters: outcomesUpcasters, env, ownDatabaseRole: true }), outcomes, ...background],
      controllers: [DashboardPageController],
      providers,
    };
  }
}
