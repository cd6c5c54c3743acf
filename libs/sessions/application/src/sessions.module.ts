import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PiiVault } from '@alongside/platform/security';
import { SERVICE_CONFIG, type ServiceConfig } from '@alongside/platform/service-runtime';
import { SESSIONS_VIEW_ENTITIES } from '@alongside/sessions/read-models';
import { GroupNote } from './attendance/group-note.entity';
import { ReadGroupNoteHandler, RecordAttendanceHandler } from './attendance/attendance.handlers';
import { CorrectAttendanceHandler } from './attendance/correct-attendance.handler';
import { AttendanceBilling } from './billing/attendance-billing';
import { HeardFacts } from './consumers/heard-facts';
import { GroupsController } from './groups/groups.controller';
import { ChangeMembershipHandler, CreateGroupHandler } from './groups/groups.handlers';
import { SessionsQueriesController } from './queries/queries.controller';
import { SessionsReads } from './queries/sessions-reads';
import { SessionsTables } from './queries/sessions-tables';
import { ParticipantScheduleController } from './participant-schedule';
import { SessionsController } from './sessions/sessions.controller';
import { ChangeSessionHandler, ScheduleAdHocSessionHandler, ScheduleSessionsHandler } from './sessions/sessions.handlers';
import { SESSIONS_CLOCK, systemClock, type SessionsClock } from './shared/sessions-clock';
import { SessionPlanning } from './shared/session-planning';
import { SessionsLog } from './shared/sessions-log';

export type SessionsModuleOptions = Readonly<{
  /** The clock commands read; tests pass their own. */
  clock?: SessionsClock;
}>;

/** The sessions service's routes, handlers, read-model queries and the listener for enrolment and mentoring. */
@Module({})
export class SessionsModule {
  static forRoot(options: SessionsModuleOptions = {}): DynamicModule {
    return {
      module: SessionsModule,
      // The views' entities are registered too, so the projection's EntityManager knows their metadata.
      imports: [TypeOrmModule.forFeature([GroupNote, ...SESSIONS_VIEW_ENTITIES])],
      controllers: [GroupsController, SessionsController, SessionsQueriesController, ParticipantScheduleController],
      providers: [
        { provide: SESSIONS_CLOCK, useValue: options.clock ?? systemClock },
        {
          // Group notes are sealed with a data key per session, kept in this service's schema.
          provide: PiiVault,
          inject: [SERVICE_CONFIG],
          useFactory: (config: ServiceConfig) => PiiVault.connect({ connectionString: config.databaseUrl, schema: config.context }),
        },
        SessionsLog,
        SessionPlanning,
        AttendanceBilling,
        SessionsTables,
        SessionsReads,
        HeardFacts,
        CreateGroupHandler,
        ChangeMembershipHandler,
        ScheduleSessionsHandler,
        ScheduleAdHocSessionHandler,
        ChangeSessionHandler,
        RecordAttendanceHandler,
        CorrectAttendanceHandler,
        ReadGroupNoteHandler,
      ],
      exports: [SessionsLog, HeardFacts, AttendanceBilling, SESSIONS_CLOCK],
    };
  }
}
