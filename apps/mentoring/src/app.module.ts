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

const connectionOf = (config: ServiceConfig) => ({ connectionString: config.databaseUrl });

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
        EventConsumersModule.forRootAsync({
          imports: [mentoring],
          inject: [SERVICE_CONFIG, EnrolmentListener, CompanionListener],
          useFactory: (config: ServiceConfig, listener: EnrolmentListener, companion: CompanionListener) => [
            {
              name: underPrefix(prefix, 'mentoring.enrolment'),
              kafka: serviceKafka(config, 'mentoring-consumer'),
              topics: [underPrefix(prefix, 'enrolment.events', ENROLMENT_EVENTS_TOPIC)],
              handlers: inEventSiteScope(listener.handlers),
              schemas: jsonSchemaChecks(Object.fromEntries(HEARD_FROM_ENROLMENT.map((type) => [type, enrolmentEventJsonSchemas[type]]))),
              upcasters: UpcasterRegistry.merge(enrolmentUpcasterRegistry),
              connection: connectionOf(config),
              schema: config.context,
            },
            {
              // The participant's companion check-ins and requests for contact (risk flags on the caseload).
              name: underPrefix(prefix, 'mentoring.companion'),
              kafka: serviceKafka(config, 'mentoring-companion-consumer'),
              topics: [underPrefix(prefix, 'outcomes.events', OUTCOMES_EVENTS_TOPIC)],
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
