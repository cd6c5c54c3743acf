import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { outcomesEventExamples, type OutcomesEvent } from '@alongside/outcomes/contracts';
import { siteId, type RecordedEvent } from '@alongside/platform/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { EpisodeRow } from './episode-row.entity';
import { InstrumentChangeRow } from './instrument-change-row.entity';
import { OUTCOME_VIEW_ENTITIES, outcomeViewsProjection } from './outcome-views.projection';
import { SiteViewRow } from './site-view-row.entity';

/** The projection on a real Postgres: what it keeps, and that a batch applied twice counts nothing twice. */
const north = siteId('north');
const participantId = outcomesEventExamples.ParticipantAdmitted.data.participantId;
let database: TestDatabase;
let dataSource: DataSource;
let position = 0n;

const recorded = (event: OutcomesEvent, site = north): RecordedEvent => {
  position += 1n;
  return {
    ...event,
    id: randomUUID(),
    metadata: { siteId: site, schemaVersion: 1, correlationId: 'c', causationId: 'c', actor: { sub: 'x', role: 'clinician' }, occurredAt: '2026-05-01T10:00:00Z' },
    streamId: `outcomes.participant-${site}-${participantId}`,
    streamPosition: position - 1n,
    globalPosition: position,
    recordedAt: '2026-05-01T10:00:00Z',
  } as RecordedEvent;
};

const apply = (events: RecordedEvent[]) => dataSource.transaction((tx) => outcomeViewsProjection.apply(events, tx));

beforeAll(async () => {
  database = await createTestDatabase('outcome-views');
  const client = new Client({ connectionString: database.url });
  await client.connect();
  await client.query('create schema outcomes');
  await client.end();
  dataSource = new DataSource({ type: 'postgres', url: database.url, schema: 'outcomes', entities: [...OUTCOME_VIEW_ENTITIES], synchronize: true });
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('Outcome views projection', () => {
  const admitted = recorded(outcomesEventExamples.ParticipantAdmitted);
  const relapse = recorded(outcomesEventExamples.RelapseRecorded);
  const screen = recorded({ ...outcomesEventExamples.DrugScreenRecorded, data: { ...outcomesEventExamples.DrugScreenRecorded.data, positive: true } });
  const intake = recorded({ ...outcomesEventExamples.AssessmentRecorded, data: { ...outcomesEventExamples.AssessmentRecorded.data, assessmentId: randomUUID(), total: 14, band: 'moderate', administeredAt: '2026-03-02T10:00:00Z' } });
  const latest = recorded({ ...outcomesEventExamples.AssessmentRecorded, data: { ...outcomesEventExamples.AssessmentRecorded.data, assessmentId: randomUUID(), total: 6, band: 'mild', administeredAt: '2026-04-20T10:00:00Z' } });

  it('counts a relapse in treatment, a positive screen and the first relapse date on the episode', async () => {
    await apply([admitted, relapse, screen, intake, latest]);
    const episode = await dataSource.getRepository(EpisodeRow).findOneByOrFail({ siteId: north, participantId });
    expect(episode).toMatchObject({ relapses: 1, firstRelapseOn: '2026-04-01', screens: 1, positiveScreens: 1, admissionMonth: '2026-03' });
    const change = await dataSource.getRepository(InstrumentChangeRow).findOneByOrFail({ siteId: north, participantId, instrument: 'PHQ-9' });
    expect(change).toMatchObject({ assessments: 2, intakeTotal: 14, latestTotal: 6, improved: true });
    const site = await dataSource.getRepository(SiteViewRow).findOneByOrFail({ siteId: north });
    expect(BigInt(site.position)).toBe(latest.globalPosition);
  });

  it('changes nothing when the same batch is applied again', async () => {
    const before = await dataSource.getRepository(EpisodeRow).find();
    await apply([admitted, relapse, screen, intake, latest]);
    expect(await dataSource.getRepository(EpisodeRow).find()).toEqual(before);
    expect((await dataSource.getRepository(InstrumentChangeRow).findOneByOrFail({ siteId: north, participantId, instrument: 'PHQ-9' })).assessments).toBe(2);
  });

  it('keeps sites apart: a relapse at south moves nothing at north', async () => {
    const southAdmitted = recorded(outcomesEventExamples.ParticipantAdmitted, siteId('south'));
    const southRelapse = recorded({ ...outcomesEventExamples.RelapseRecorded, data: { ...outcomesEventExamples.RelapseRecorded.data, relapseId: randomUUID() } }, siteId('south'));
    await apply([southAdmitted, southRelapse]);
    expect((await dataSource.getRepository(EpisodeRow).findOneByOrFail({ siteId: north, participantId })).relapses).toBe(1);
    expect((await dataSource.getRepository(EpisodeRow).findOneByOrFail({ siteId: siteId('south'), participantId })).relapses).toBe(1);
  });

  it('counts a relapse after discharge as an outcome after treatment, not in it', async () => {
    const discharged = recorded(outcomesEventExamples.ParticipantDischarged); // 2026-07-01
    const after = recorded({ ...outcomesEventExamples.RelapseRecorded, data: { ...outcomesEventExamples.RelapseRecorded.data, relapseId: randomUUID(), occurredOn: '2026-08-01' } });
    await apply([discharged, after]);
    const episode = await dataSource.getRepository(EpisodeRow).findOneByOrFail({ siteId: north, participantId });
    expect(episode).toMatchObject({ relapses: 1, relapsesAfterDischarge: 1, dischargeReason: 'completed', dischargedOn: '2026-07-01' });
  });
});
