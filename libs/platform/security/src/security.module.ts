import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, ModuleRef } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { AuditTrail } from './audit/audit-trail';
import { DisclosureAccounting } from './audit/disclosure-accounting';
import { PersonLevelReadInterceptor } from './audit/person-level-read.interceptor';
import { jwtConfigFromEnv } from './authentication/jwt-config';
import { JwtAuthGuard } from './authentication/jwt-auth.guard';
import { TokenVerifier } from './authentication/token-verifier';
import { AggregatedGuard } from './authorisation/aggregated.guard';
import { ParticipantAccess } from './authorisation/participant-access';
import { ParticipantAccessGuard } from './authorisation/participant-access.guard';
import { RolesGuard } from './authorisation/roles.guard';
import { SiteGuard } from './authorisation/site.guard';
import { ProblemDetailsFilter } from './edge/problem-details.filter';
import { createValidationPipe } from './edge/validation.pipe';
import { PiiVault } from './pii/pii-vault';
import { throttleFromEnv, throttlerOptions } from './edge/throttling';
import { SECURITY_OPTIONS, type SecurityModuleOptions } from './security-options';

const CONTEXT = /^[a-z][a-z0-9]*$/;

const eventStoreOf = (moduleRef: ModuleRef): EventStore => {
  try {
    return moduleRef.get<EventStore>(EVENT_STORE, { strict: false });
  } catch {
    throw new Error('The audit trail needs the service to provide its EventStore under EVENT_STORE');
  }
};

/**
 * Everything a service needs at its edge, registered globally: the JWT guard, throttling, the site,
 * roles, analyst and participant guards (in that order), the audit of person-level reads, the validation
 * pipe and the problem+json filter. `SecurityModule.forRoot({ context: 'enrolment' })`.
 */
@Module({})
export class SecurityModule {
  static forRoot(options: SecurityModuleOptions): DynamicModule {
    if (!CONTEXT.test(options.context)) throw new Error(`"${options.context}" is not a context name (lower-case letters and digits)`);
    const clock = options.clock ?? (() => new Date());
    const throttle = options.throttle ?? throttleFromEnv();
    const pii = options.pii;

    const providers: Provider[] = [
      { provide: SECURITY_OPTIONS, useValue: options },
      { provide: TokenVerifier, useFactory: () => new TokenVerifier(options.jwt ?? jwtConfigFromEnv()) },
      {
        provide: AuditTrail,
        useFactory: (moduleRef: ModuleRef) => new AuditTrail(() => eventStoreOf(moduleRef), options.context, clock),
        inject: [ModuleRef],
      },
      { provide: DisclosureAccounting, useFactory: (trail: AuditTrail) => new DisclosureAccounting(trail, clock), inject: [AuditTrail] },
      ParticipantAccess,
      ...(pii ? [{ provide: PiiVault, useFactory: () => PiiVault.connect(pii) }] : []),
      // Guards run in this order: who is calling, how often, then 404 for another site before 403.
      { provide: APP_GUARD, useClass: JwtAuthGuard },
      ...(throttle ? [{ provide: APP_GUARD, useClass: ThrottlerGuard }] : []),
      { provide: APP_GUARD, useClass: SiteGuard },
      { provide: APP_GUARD, useClass: RolesGuard },
      { provide: APP_GUARD, useClass: AggregatedGuard },
      { provide: APP_GUARD, useClass: ParticipantAccessGuard },
      { provide: APP_INTERCEPTOR, useClass: PersonLevelReadInterceptor },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      { provide: APP_PIPE, useFactory: createValidationPipe },
    ];

    return {
      module: SecurityModule,
      global: true,
      imports: throttle ? [ThrottlerModule.forRoot(throttlerOptions(throttle))] : [],
      providers,
      exports: [SECURITY_OPTIONS, TokenVerifier, AuditTrail, DisclosureAccounting, ParticipantAccess, ...(pii ? [PiiVault] : [])],
    };
  }
}
