import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentRow, EpisodeRow, ParticipantRow, SiteRow, TransferRow } from '@alongside/enrolment/read-models';
import { PiiVault } from '@alongside/platform/security';
import { EVENT_STORE } from '@alongside/platform/event-store';
import { ensureDatabaseAndSchema, SERVICE_CONFIG, type ServiceConfig } from '@alongside/platform/service-runtime';
import { ENROLMENT_CONFIG, readEnrolmentConfig } from './config/enrolment-config';
import { GrantConsentController } from './consents/grant-consent/grant-consent.controller';
import { GrantConsentHandler } from './consents/grant-consent/grant-consent.handler';
import { RevokeConsentController } from './consents/revoke-consent/revoke-consent.controller';
import { RevokeConsentHandler } from './consents/revoke-consent/revoke-consent.handler';
import { DisclosuresController } from './disclosures/disclosures.controller';
import { GetAccountingOfDisclosuresHandler } from './disclosures/disclosures.query';
import { ChangeLevelOfCareController } from './episodes/change-level-of-care/change-level-of-care.controller';
import { ChangeLevelOfCareHandler } from './episodes/change-level-of-care/change-level-of-care.handler';
import { DischargeController } from './episodes/discharge/discharge.controller';
import { DischargeParticipantHandler } from './episodes/discharge/discharge.handler';
import { EnrolController } from './episodes/enrol/enrol.controller';
import { EnrolParticipantHandler } from './episodes/enrol/enrol.handler';
import { ReadmitController } from './episodes/readmit/readmit.controller';
import { ReadmitParticipantHandler } from './episodes/readmit/readmit.handler';
import { TransferSaga } from './messaging/transfer-saga';
import { CorrectDetailsController } from './participants/correct-details/correct-details.controller';
import { CorrectParticipantDetailsHandler } from './participants/correct-details/correct-details.handler';
import { EraseParticipantController } from './participants/erase-participant/erase-participant.controller';
import { EraseParticipantHandler } from './participants/erase-participant/erase-participant.handler';
import { ParticipantRecords } from './participants/participant-records';
import { RegisterParticipantController } from './participants/register-participant/register-participant.controller';
import { RegisterParticipantHandler } from './participants/register-participant/register-participant.handler';
import { PersonalDetailsRow } from './personal-details/personal-details-row.entity';
import { PersonalDetailsStore } from './personal-details/personal-details.store';
import { CensusController } from './queries/census/census.controller';
import { GetCensusHandler } from './queries/census/census.query';
import { ConsentsController } from './queries/consents/consents.controller';
import { ListConsentsHandler } from './queries/consents/consents.query';
import { EnrolmentTables } from './queries/enrolment-tables';
import { FindParticipantsController } from './queries/find-participants/find-participants.controller';
import { FindParticipantsHandler } from './queries/find-participants/find-participants.query';
import { ParticipantEpisodesController } from './queries/participant-episodes/participant-episodes.controller';
import { GetParticipantEpisodesHandler } from './queries/participant-episodes/participant-episodes.query';
import { NameCardController } from './queries/name-card/name-card.controller';
import { GetNameCardHandler } from './queries/name-card/name-card.query';
import { ParticipantController } from './queries/participant/participant.controller';
import { GetParticipantHandler } from './queries/participant/participant.query';
import { ReferenceDataController } from './queries/reference-data/reference-data.controller';
import { SiteConfigurationController } from './queries/site-configuration/site-configuration.controller';
import { GetSiteConfigurationHandler } from './queries/site-configuration/site-configuration.query';
import { SiteEpisodesController } from './queries/site-episodes/site-episodes.controller';
import { ListSiteEpisodesHandler } from './queries/site-episodes/site-episodes.query';
import { TransfersController } from './queries/transfers/transfers.controller';
import { ListTransfersHandler } from './queries/transfers/transfers.query';
import { ENROLMENT_CLOCK, type Clock } from './shared/clock';
import { ServedSiteGuard } from './shared/served-site.guard';
import { ConfigureSiteController } from './sites/configure-site/configure-site.controller';
import { ConfigureSiteHandler } from './sites/configure-site/configure-site.handler';
import { SiteCalendar } from './sites/site-calendar';
import { AcceptTransferController } from './transfers/accept-transfer/accept-transfer.controller';
import { AcceptTransferHandler } from './transfers/accept-transfer/accept-transfer.handler';
import { DeclineTransferController } from './transfers/decline-transfer/decline-transfer.controller';
import { DeclineTransferHandler } from './transfers/decline-transfer/decline-transfer.handler';
import { IncomingTransfers } from './transfers/incoming-transfers';
import { RequestTransferController } from './transfers/request-transfer/request-transfer.controller';
import { RequestTransferHandler } from './transfers/request-transfer/request-transfer.handler';

export type EnrolmentModuleOptions = Readonly<{
  /** Overrides of the environment, for tests that start several apps in one process. */
  env?: NodeJS.ProcessEnv;
  /** Default: the system clock. */
  clock?: Clock;
}>;

const controllers: Type<unknown>[] = [
  ConfigureSiteController,
  SiteConfigurationController,
  ReferenceDataController,
  RegisterParticipantController,
  FindParticipantsController,
  ParticipantController,
  NameCardController,
  CorrectDetailsController,
  EraseParticipantController,
  GrantConsentController,
  RevokeConsentController,
  ConsentsController,
  EnrolController,
  ReadmitController,
  ParticipantEpisodesController,
  ChangeLevelOfCareController,
  DischargeController,
  CensusController,
  SiteEpisodesController,
  RequestTransferController,
  AcceptTransferController,
  DeclineTransferController,
  TransfersController,
  DisclosuresController,
];

const handlers: Provider[] = [
  ConfigureSiteHandler,
  RegisterParticipantHandler,
  CorrectParticipantDetailsHandler,
  EraseParticipantHandler,
  GrantConsentHandler,
  RevokeConsentHandler,
  EnrolParticipantHandler,
  ReadmitParticipantHandler,
  ChangeLevelOfCareHandler,
  DischargeParticipantHandler,
  RequestTransferHandler,
  AcceptTransferHandler,
  DeclineTransferHandler,
  GetSiteConfigurationHandler,
  GetParticipantHandler,
  GetNameCardHandler,
  FindParticipantsHandler,
  GetParticipantEpisodesHandler,
  GetCensusHandler,
  ListSiteEpisodesHandler,
  ListConsentsHandler,
  ListTransfersHandler,
  GetAccountingOfDisclosuresHandler,
];

/**
 * The enrolment service's routes, command and query handlers, its encrypted store of personal
 * details and the transfer saga's handlers. The app wires the relay, the consumer and the
 * projections around it (by ROLE).
 */
@Module({})
export class EnrolmentModule {
  static forRoot(options: EnrolmentModuleOptions = {}): DynamicModule {
    const config = readEnrolmentConfig(options.env ?? process.env);
    return {
      module: EnrolmentModule,
      imports: [TypeOrmModule.forFeature([SiteRow, ParticipantRow, EpisodeRow, ConsentRow, TransferRow, PersonalDetailsRow])],
      controllers,
      providers: [
        { provide: ENROLMENT_CONFIG, useValue: config },
        { provide: ENROLMENT_CLOCK, useValue: options.clock ?? (() => new Date()) },
        {
          provide: PiiVault,
          // After the store: the schema exists by then, so the vault's migration never races to create it.
          inject: [SERVICE_CONFIG, EVENT_STORE],
          useFactory: async (service: ServiceConfig) => {
            await ensureDatabaseAndSchema(service.databaseUrl, service.context);
            return PiiVault.connect({ connectionString: service.databaseUrl, schema: service.context });
          },
        },
        { provide: APP_GUARD, useClass: ServedSiteGuard },
        SiteCalendar,
        ParticipantRecords,
        PersonalDetailsStore,
        IncomingTransfers,
        EnrolmentTables,
        TransferSaga,
        ...handlers,
      ],
      exports: [ENROLMENT_CONFIG, ENROLMENT_CLOCK, TransferSaga, PiiVault],
    };
  }
}
