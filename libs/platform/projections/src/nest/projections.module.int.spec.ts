import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { DataSource } from 'typeorm';
import { ActiveProjections } from '../active-projections';
import { eventsTableHead, seedParticipantLog } from '../fixtures/participant-log';
import { participantEntities, participantsV1 } from '../fixtures/participants-projection';
import { ProjectionRunner } from '../projection-runner';
import { ProjectionsHealthIndicator } from './projections.health';
import { ProjectionsModule } from './projections.module';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

describe('Projections in a Nest app', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let app: INestApplicationContext;

  beforeAll(async () => {
    database = await createTestDatabase('projections_nest');
    store = await PostgresEventStore.connect({ connectionString: database.url, schema: 'enrolment' });
    await seedParticipantLog(store, 4, 10);

    @Module({
      imports: [
        TypeOrmModule.forRoot({ type: 'postgres', url: database.url, schema: 'public', entities: participantEntities, retryAttempts: 0 }),
        ProjectionsModule.forRootAsync({
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => ({
            dataSource,
            store,
            logHead: eventsTableHead(dataSource, 'enrolment'),
            projections: [participantsV1],
            logger: quiet,
          }),
        }),
      ],
    })
    class ReadModelsApp {}

    app = await NestFactory.createApplicationContext(ReadModelsApp, { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
    await database?.drop();
  });

  it('runs the projections once the app is up and reports them ready', async () => {
    await app.get(ProjectionRunner).caughtUp();
    expect(await app.get(ActiveProjections).table('participants', 'participant_status')).toBe('"public"."participant_status_v1"');
    await waitFor(() => app.get(ProjectionRunner).progress()[0].lag === 0n, { what: 'lag to be measured' });
    expect(await app.get(ProjectionsHealthIndicator).isHealthy()).toEqual({
      projections: {
        status: 'up',
        participants: { activeVersion: 1, versions: [{ version: 1, state: 'live', position: '40', lag: '0' }] },
      },
    });
  });
});
