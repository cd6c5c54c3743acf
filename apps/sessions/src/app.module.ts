import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { inEventSiteScope } from '@alongside/platform/security';
import {
  inProcessProjections,
  processRoleOf,
  serviceConsumers,
  serviceRelay,
  ServiceRuntimeModule,
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
        serviceConsumers({
          topicPrefix: prefix,
          imports: [sessions],
          inject: [HeardFacts],
          hears: (heard: HeardFacts) => [
            {
              name: 'sessions.enrolment',
              clientId: 'sessions-enrolment-consumer',
              source: 'enrolment',
              productionTopic: ENROLMENT_EVENTS_TOPIC,
              handlers: inEventSiteScope(heard.fromEnrolment),
              heard: HEARD_FROM_ENROLMENT,
              schemas: enrolmentEventJsonSchemas,
              upcasters: UpcasterRegistry.merge(enrolmentUpcasterRegistry),
            },
            {
              name: 'sessions.mentoring',
              clientId: 'sessions-mentoring-consumer',
              source: 'mentoring',
              productionTopic: MENTORING_EVENTS_TOPIC,
              handlers: inEventSiteScope(heard.fromMentoring),
              heard: HEARD_FROM_MENTORING,
              schemas: mentoringEventSchemas,
              upcasters: UpcasterRegistry.merge(mentoringUpcasters),
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
