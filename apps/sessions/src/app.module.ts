import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { EventConsumersModule, jsonSchemaChecks } from '@alongside/platform/messaging-kafka';
import { inEventSiteScope } from '@alongside/platform/security';
import {
  inProcessProjections,
  processRoleOf,
  SERVICE_CONFIG,
  ServiceRuntimeModule,
  serviceKafka,
  serviceRelay,
  underPrefix,
  type ServiceConfig,
} from '@alongside/platform/service-runtime';
import { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import { ENROLMENT_EVENTS_TOPIC, enrolmentEventJsonSchemas, enrolmentUpcasterRegistry } from '@alongside/enrolment/contracts';
import { MENTORING_EVENTS_TOPIC, mentoringEventSchemas, mentoringUpcasters } from '@alongside/mentoring/contracts';
import { sessionsUpcasters } from '@alongside/sessions/contracts';
import { sessionsViewsProjection } from '@alongside/sessions/read-models';
import { HEARD_FROM_ENROLMENT, HEARD_FROM_MENTORING, HeardFacts, SessionsModule, type SessionsModuleOptions } from '@alongside/sessions/application';
import { SessionsBilling } from './sessions-billing';

export type SessionsAppOptions = SessionsModuleOptions &
  Readonly<{
    env?: NodeJS.ProcessEnv;
    /** `alongside` in production; tests give their own topics. */
    topicPrefix?: string;
  }>;

const connectionOf = (config: ServiceConfig) => ({ connectionString: config.databaseUrl });
const only = (schemas: Readonly<Record<string, object>>, types: readonly string[]) => jsonSchemaChecks(Object.fromEntries(types.map((t) => [t, schemas[t]])));

/**
 * The sessions service: routes, and (ROLE=all by default) the relay to `alongside.sessions.events`,
 * the enrolment and mentoring consumers and the projections, in one process. ROLE=api|relay|projections splits them.
 */
@Module({})
export class SessionsAppModule {
  static forRoot(options: SessionsAppOptions = {}): DynamicModule {
    const env = options.env ?? process.env;
    const role = processRoleOf(env);
    const prefix = options.topicPrefix ?? env.KAFKA_TOPIC_PREFIX ?? 'alongside';
    const background: DynamicModule[] = [];
    const providers: Provider[] = [];
    const sessions = SessionsModule.forRoot(options);
    if (role === 'all' || role === 'relay') background.push(serviceRelay({ clientId: 'sessions-relay', topicPrefix: prefix }));
    if (role === 'all' || role === 'projections') providers.push(inProcessProjections([sessionsViewsProjection]), SessionsBilling);
    if (role === 'all') {
      background.push(
        EventConsumersModule.forRootAsync({
          imports: [sessions],
          inject: [SERVICE_CONFIG, HeardFacts],
          useFactory: (config: ServiceConfig, heard: HeardFacts) => [
            {
              name: underPrefix(prefix, 'sessions.enrolment'),
              kafka: serviceKafka(config, 'sessions-enrolment-consumer'),
              topics: [underPrefix(prefix, 'enrolment.events', ENROLMENT_EVENTS_TOPIC)],
              handlers: inEventSiteScope(heard.fromEnrolment),
              schemas: only(enrolmentEventJsonSchemas, HEARD_FROM_ENROLMENT),
              upcasters: UpcasterRegistry.merge(enrolmentUpcasterRegistry),
              connection: connectionOf(config),
              schema: config.context,
            },
            {
              name: underPrefix(prefix, 'sessions.mentoring'),
              kafka: serviceKafka(config, 'sessions-mentoring-consumer'),
              topics: [underPrefix(prefix, 'mentoring.events', MENTORING_EVENTS_TOPIC)],
              handlers: inEventSiteScope(heard.fromMentoring),
              schemas: only(mentoringEventSchemas, HEARD_FROM_MENTORING),
              upcasters: UpcasterRegistry.merge(mentoringUpcasters),
              connection: connectionOf(config),
              schema: config.context,
            },
          ],
        }),
      );
    }
    return {
      module: SessionsAppModule,
      imports: [ServiceRuntimeModule.forRoot({ context: 'sessions', upcasters: sessionsUpcasters, env, ownDatabaseRole: true }), sessions, ...background],
      providers,
    };
  }
}
