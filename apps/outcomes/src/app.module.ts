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
import {
  processRoleOf,
  serviceConsumers,
  serviceRelay,
  ServiceRuntimeModule,
} from '@alongside/platform/service-runtime';
import { DashboardPageController } from './dashboard-page/dashboard-page.controller';
import { outcomeProjections } from './outcome-projections';

export type OutcomesAppOptions = OutcomesModuleOptions &
  Readonly<{
    env?: NodeJS.ProcessEnv;
    /** `alongside` in production; tests give their own topics (here or as KAFKA_TOPIC_PREFIX, like enrolment). */
    topicPrefix?: string;
  }>;

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
        serviceConsumers({
          topicPrefix: prefix,
          imports: [outcomes],
          inject: [EnrolmentListener, SessionsListener, MentoringListener],
          hears: (enrolment: EnrolmentListener, sessions: SessionsListener, mentoring: MentoringListener) => [
            {
              name: 'outcomes.enrolment',
              clientId: 'outcomes-enrolment',
              source: 'enrolment',
              productionTopic: ENROLMENT_EVENTS_TOPIC,
              handlers: enrolment.handlers,
              heard: HEARD_FROM_ENROLMENT,
              schemas: enrolmentEventJsonSchemas,
              upcasters: UpcasterRegistry.merge(enrolmentUpcasterRegistry),
            },
            {
              name: 'outcomes.sessions',
              clientId: 'outcomes-sessions',
              source: 'sessions',
              productionTopic: SESSIONS_EVENTS_TOPIC,
              handlers: sessions.handlers,
              heard: HEARD_FROM_SESSIONS,
              schemas: sessionsEventSchemas,
              upcasters: UpcasterRegistry.merge(sessionsUpcasters),
            },
            {
              name: 'outcomes.mentoring',
              clientId: 'outcomes-mentoring',
              source: 'mentoring',
              productionTopic: MENTORING_EVENTS_TOPIC,
              handlers: mentoring.handlers,
              heard: HEARD_FROM_MENTORING,
              schemas: mentoringEventSchemas,
              upcasters: UpcasterRegistry.merge(mentoringUpcasters),
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
