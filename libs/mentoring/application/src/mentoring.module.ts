import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EVENT_STORE } from '@alongside/platform/event-store';
import { CASELOAD_POLICY, PiiVault } from '@alongside/platform/security';
import { SERVICE_CONFIG, type ServiceConfig } from '@alongside/platform/service-runtime';
import { MENTORING_VIEW_ENTITIES } from '@alongside/mentoring/read-models';
import { AftercareController, RecordAftercareCheckInHandler } from './aftercare/aftercare.controller';
import { COMPANION_CONTROLLERS, COMPANION_PROVIDERS } from './companion';
import { ContactNote } from './contacts/contact-note.entity';
import { ContactsController } from './contacts/contacts.controller';
import { LogContactHandler } from './contacts/contacts.handlers';
import { EnrolmentListener } from './consumers/enrolment-listener';
import { AnswerEscalationHandler, EscalationsController, RaiseEscalationHandler } from './escalations/escalations.controller';
import { MatchingController } from './matching/matching.controller';
import { AcceptMatchHandler, EndMatchHandler, ProposeMatchHandler, SuggestMentorsHandler } from './matching/matching.handlers';
import { ChangeMentorRecordHandler } from './mentors/mentor.handlers';
import { MentorsController } from './mentors/mentors.controller';
import { ChangeProgrammeHandler, ProgrammeController } from './programme/programme.controller';
import { MentoringCaseloadPolicy } from './queries/mentoring-caseload.policy';
import { MentoringReads } from './queries/mentoring-read.queries';
import { MentoringTables } from './queries/mentoring-tables';
import { MentoringViews } from './queries/mentoring-views';
import { MatchHolds } from './matching/match-holds';
import { MentoringQueriesController } from './queries/queries.controller';
import { CloseReferralLoopHandler, MakeReferralHandler, ReferralsController } from './referrals/referrals.controller';
import { MENTORING_CLOCK, systemClock, type MentoringClock } from './shared/mentoring-clock';
import { MentoringLog } from './shared/mentoring-log';
import { AftercareSweeper } from './sweepers/aftercare.sweeper';
import { CertificationExpirySweeper } from './sweepers/certification-expiry.sweeper';
import { SweepSchedule, SWEEP_INTERVAL_MS } from './sweepers/sweep-schedule';

export type MentoringModuleOptions = Readonly<{
  /** The clock commands and sweeps read; tests pass their own. */
  clock?: MentoringClock;
  /** How often the expiry and aftercare sweepers run; 0 leaves them to be called (tests). Default 60 s. */
  sweepIntervalMs?: number;
}>;

const handlers: Provider[] = [
  ChangeMentorRecordHandler,
  ProposeMatchHandler,
  AcceptMatchHandler,
  EndMatchHandler,
  SuggestMentorsHandler,
  LogContactHandler,
  RecordAftercareCheckInHandler,
  MakeReferralHandler,
  CloseReferralLoopHandler,
  RaiseEscalationHandler,
  AnswerEscalationHandler,
  ChangeProgrammeHandler,
];

/** The mentoring service's routes, handlers, read-model queries, sweepers and enrolment listener. */
@Module({})
export class MentoringModule {
  static forRoot(options: MentoringModuleOptions = {}): DynamicModule {
    return {
      module: MentoringModule,
      // The views' entities are registered too, so the projection's EntityManager knows their metadata.
      imports: [TypeOrmModule.forFeature([ContactNote, ...MENTORING_VIEW_ENTITIES])],
      controllers: [
        MentorsController,
        MatchingController,
        ContactsController,
        AftercareController,
        ReferralsController,
        EscalationsController,
        ProgrammeController,
        MentoringQueriesController,
        ...COMPANION_CONTROLLERS,
      ],
      providers: [
        { provide: MENTORING_CLOCK, useValue: options.clock ?? systemClock },
        { provide: SWEEP_INTERVAL_MS, useValue: options.sweepIntervalMs ?? 60_000 },
        {
          // Notes are sealed with per-participant keys kept in this service's schema. The vault's own
          // CREATE SCHEMA IF NOT EXISTS fails (23505) when it races the runtime's on a fresh database,
          // so it waits for the store and TypeORM, which create the schema first.
          provide: PiiVault,
          inject: [SERVICE_CONFIG, EVENT_STORE, DataSource],
          useFactory: (config: ServiceConfig) => PiiVault.connect({ connectionString: config.databaseUrl, schema: config.context }),
        },
        MentoringLog,
        MentoringTables,
        MentoringViews,
        MatchHolds,
        MentoringReads,
        { provide: CASELOAD_POLICY, useClass: MentoringCaseloadPolicy },
        CertificationExpirySweeper,
        AftercareSweeper,
        SweepSchedule,
        EnrolmentListener,
        ...handlers,
        ...COMPANION_PROVIDERS,
      ],
      exports: [...COMPANION_PROVIDERS, MentoringLog, MentoringViews, CertificationExpirySweeper, AftercareSweeper, SweepSchedule, EnrolmentListener, MENTORING_CLOCK, CASELOAD_POLICY],
    };
  }
}
