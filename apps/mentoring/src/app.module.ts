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
import { mentoringUpcasters } from '@alongside/mentoring/contracts';
import { mentoringViewsProjection } from '@alongside/mentoring/read-models';
import { CompanionListener, EnrolmentListener, HEARD_FROM_COMPANION, HEARD_FROM_ENROLMENT, MentoringModule, type MentoringModuleOptions } from '@alongside/mentoring/application';
import { checkInEventSchemas, OUTCOMES_EVENTS_TOPIC, outcomesUpcasters } from '@alongside/outcomes/contracts';

export type MentoringAppOptions = MentoringModuleOptions &
  Readonly<{
    env?: NodeJS.ProcessEnv;
    /** `alongside` in production; tests give their own topics. */
    topicPrefix?: string;
  }>;

/**
 * The mentoring service: routes, and (ROLE=all by default) the relay to `alongside.mentoring.events`,
 * the enrolment consumer and the projections, in one process. ROLE=api|relay|projections splits them.
 */
@Module({})
export class MentoringAppModule {
  static forRoot(options: MentoringAppOptions = {}): DynamicModule {
    const env = options.env ?? process.env;
    const role = processRoleOf(env);
    const prefix = options.topicPrefix ?? env.KAFKA_TOPIC_PREFIX ?? 'alongside';
    const background: DynamicModule[] = [];
    const providers: Provider[] = [];
    if (role === 'all' || role === 'relay') background.push(serviceRelay({ clientId: 'mentoring-relay', topicPrefix: prefix }));
    if (role === 'all' || role === 'projections') providers.push(inProcessProjections([mentoringViewsProjection]));
    const mentoring = MentoringModule.forRoot({ ...options, ...(role === 'api' || role === 'all' ? {} : { sweepIntervalMs: 0 }) });
    if (role === 'all') {
      background.push(
        serviceConsumers({
          topicPrefix: prefix,
          imports: [mentoring],
          inject: [EnrolmentListener, CompanionListener],
          hears: (listener: EnrolmentListener, companion: CompanionListener) => [
            {
              name: 'mentoring.enrolment',
              clientId: 'mentoring-consumer',
              source: 'enrolment',
              productionTopic: ENROLMENT_EVENTS_TOPIC,
              handlers: inEventSiteScope(listener.handlers),
              heard: HEARD_FROM_ENROLMENT,
              schemas: enrolmentEventJsonSchemas,
              upcasters: UpcasterRegistry.merge(enrolmentUpcasterRegistry),
            },
            {
              // The participant's companion check-ins and requests for contact (risk flags on the caseload).
              name: 'mentoring.companion',
              clientId: 'mentoring-companion-consumer',
              source: 'outcomes',
              productionTopic: OUTCOMES_EVENTS_TOPIC,
              handlers: inEventSiteScope(companion.handlers),
              heard: HEARD_FROM_COMPANION,
              schemas: checkInEventSchemas,
              upcasters: UpcasterRegistry.merge(outcomesUpcasters),
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
