import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OUTCOME_VIEW_ENTITIES } from '@alongside/outcomes/read-models';
import { ActiveProjections } from '@alongside/platform/projections';
import { CASELOAD_POLICY } from '@alongside/platform/security';
import { AnalyticsController } from './analytics/analytics.controller';
import { AssessmentsController } from './assessments/assessments.controller';
import { MatchCaseloadPolicy } from './caseload/match-caseload-policy';
import { CareController } from './care/care.controller';
import { CHECK_IN_CONTROLLERS, CHECK_IN_PROVIDERS } from './check-ins';
import { EnrolmentListener } from './consumers/enrolment-listener';
import { HeardFactRecorder } from './consumers/heard-fact-recorder';
import { MentoringListener } from './consumers/mentoring-listener';
import { SessionsListener } from './consumers/sessions-listener';
import { DashboardFacetsQuery } from './dashboards/dashboard-facets';
import { DashboardVersions } from './dashboards/dashboard-version';
import { DashboardsController } from './dashboards/dashboards.controller';
import { OutcomeTables } from './dashboards/outcome-tables';
import { SiteDashboardHandler } from './dashboards/site-dashboard.handler';
import { ChangeParticipantRecordHandler } from './participant-record/change-participant-record.handler';
import { ParticipantRecordGateway } from './participant-record/participant-record-gateway';
import { OUTCOMES_CLOCK, systemClock, type OutcomesClock } from './shared/outcomes-clock';
import { SitePolicies } from './shared/site-policies';
import { SobrietyController } from './sobriety/sobriety.controller';
import { SubstanceUseController } from './substance-use/substance-use.controller';

export type OutcomesModuleOptions = Readonly<{ clock?: OutcomesClock }>;

/**
 * The outcomes service's routes, command and query handlers and Kafka listeners. The app module
 * adds the runtime, the relay, the consumers and the projection runner.
 */
@Module({})
export class OutcomesModule {
  static forRoot(options: OutcomesModuleOptions = {}): DynamicModule {
    return {
      module: OutcomesModule,
      imports: [TypeOrmModule.forFeature([...OUTCOME_VIEW_ENTITIES])],
      controllers: [AssessmentsController, SubstanceUseController, SobrietyController, CareController, DashboardsController, AnalyticsController, ...CHECK_IN_CONTROLLERS],
      providers: [
        { provide: OUTCOMES_CLOCK, useValue: options.clock ?? systemClock },
        { provide: ActiveProjections, inject: [DataSource], useFactory: (dataSource: DataSource) => new ActiveProjections(dataSource) },
        { provide: CASELOAD_POLICY, useClass: MatchCaseloadPolicy },
        MatchCaseloadPolicy,
        OutcomeTables,
        SitePolicies,
        DashboardVersions,
        DashboardFacetsQuery,
        ParticipantRecordGateway,
        ChangeParticipantRecordHandler,
        SiteDashboardHandler,
        HeardFactRecorder,
        EnrolmentListener,
        MentoringListener,
        SessionsListener,
        ...CHECK_IN_PROVIDERS,
      ],
      exports: [EnrolmentListener, MentoringListener, SessionsListener, OUTCOMES_CLOCK, CASELOAD_POLICY],
    };
  }
}
