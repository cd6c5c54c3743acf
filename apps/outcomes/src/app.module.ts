import { Module, type DynamicModule, type Provider } from '@nestjs/common';
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
import { EventConsumersModule, jsonSchemaChecks } from '@alongside/platform/messaging-kafka';
import {
  processRoleOf,
  SERVICE_CONFIG,
  ServiceRuntimeModule,
  serviceKafka,
  serviceRelay,
  underPrefix,
  type ServiceConfig,
} from '@alongside/platform/service-runtime';
import { DashboardPageController } from './dashboard-page/dashboard-page.controller';
import { outcomeProjections } from './outcome-projections';

export type OutcomesAppOptions = OutcomesModuleOptions &
  Readonly<{
    env?: NodeJS.ProcessEnv;
    /** `alongside` in production; tests give their own topics (here or as KAFKA_TOPIC_PREFIX, like enrolment). */
    topicPrefix?: string;
  }>;

const connectionOf = (config: ServiceConfig) => ({ connectionString: config.databaseUrl });

/**
 * The outcomes service: routes and the dashboard page, and (ROLE=all by default) the relay to
 * `alongside.outcomes.events`, the consumers of enrolment, sessions and mentoring, and the
 * projections, in one process. ROLE=api|relay|projections splits them.
 */
@Module({})
export class OutcomesAppModule {
  static forRoot(options: OutcomesAppOptions = {}): DynamicModule {
    const env = options.env ?? process.env;
    const role = processRoleOf(env);
    const prefix = options.topicPrefix ?? env.KAFKA_TOPIC_PREFIX ?? 'alongside';
    const outcomes = OutcomesModule.forRoot(options);
    const background: DynamicModule[] = [];
    const providers: Provider[] = [];
    if (role === 'all' || role === 'relay') background.push(serviceRelay({ clientId: 'outcomes-relay', topicPrefix: prefix }));
    if (role === 'all' || role === 'projections') providers.push(outcomeProjections);
    if (role === 'all') {
      background.push(
        EventConsumersModule.forRootAsync({
          imports: [outcomes],
          inject: [SERVICE_CONFIG, EnrolmentListener, SessionsListener, MentoringListener],
          useFactory: (config: ServiceConfig, enrolment: EnrolmentListener, sessions: SessionsListener, mentoring: MentoringListener) => [
            {
              name: underPrefix(prefix, 'outcomes.enrolment'),
              kafka: serviceKafka(config, 'outcomes-enrolment'),
              topics: [underPrefix(prefix, 'enrolment.events', ENROLMENT_EVENTS_TOPIC)],
              handlers: enrolment.handlers,
              schemas: jsonSchemaChecks(Object.fromEntries(HEARD_FROM_ENROLMENT.map((type) => [type, enrolmentEventJsonSchemas[type]]))),
              upcasters: UpcasterRegistry.merge(enrolmentUpcasterRegistry),
              connection: connectionOf(config),
              schema: config.context,
            },
            {
              name: underPrefix(prefix, 'outcomes.sessions'),
              kafka: serviceKafka(config, 'outcomes-sessions'),
              topics: [underPrefix(prefix, 'sessions.events', SESSIONS_EVENTS_TOPIC)],
              handlers: sessions.handlers,
              schemas: jsonSchemaChecks(Object.fromEntries(HEARD_FROM_SESSIONS.map((type) => [type, sessionsEventSchemas[type]]))),
              upcasters: UpcasterRegistry.merge(sessionsUpcasters),
              connection: connectionOf(config),
              schema: config.context,
            },
            {
              name: underPrefix(prefix, 'outcomes.mentoring'),
              kafka: serviceKafka(config, 'outcomes-mentoring'),
              topics: [underPrefix(prefix, 'mentoring.events', MENTORING_EVENTS_TOPIC)],
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
