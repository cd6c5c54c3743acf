import { ENROLMENT_EVENT_TYPES, enrolmentEventExamples as examples, type EnrolmentEvent } from '@alongside/enrolment/contracts';
import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { DataSource } from 'typeorm';
import { enrolmentViewsProjection } from './enrolment-views.projection';

/** North transfers a participant to south (the contracts' examples), then erases them at north. */
const southEpisodeId = examples.TransferAccepted.data.episodeId;
const story: EnrolmentEvent[] = [
  examples.SiteConfigured,
  examples.ParticipantRegistered,
  examples.ParticipantDetailsRecorded,
  examples.ConsentGranted,
  { type: 'ConsentGranted', data: { ...examples.ConsentGranted.data, consentId: examples.TransferRequested.data.consentId, purpose: 'transfer', recipient: { kind: 'site', siteId: 'south' } } },
  examples.Enrolled,
  examples.LevelOfCareChanged,
  examples.TransferRequested,
  examples.TransferReceived,
  examples.TransferAccepted,
  {
    type: 'Enrolled',
    data: {
      ...examples.Enrolled.data,
      siteId: 'south',
      episodeId: southEpisodeId,
      programme: 'outpatient',
      levelOfCare: '1',
      admittedOn: '2025-04-02',
      transferredFrom: { transferId: examples.TransferRequested.data.transferId, siteId: 'north', participantId: examples.Enrolled.data.participantId, episodeId: examples.Enrolled.data.episodeId },
    },
  },
  examples.TransferAnswerReceived,
  examples.Discharged,
  examples.ConsentEnded,
  examples.ConsentRevoked,
  examples.ParticipantErased,
];
const recorded = story as unknown as RecordedEvent[];

let database: TestDatabase;
let dataSource: DataSource;

const tables = ['enrolment_site_v1', 'enrolment_participant_v1', 'enrolment_episode_v1', 'enrolment_consent_v1', 'enrolment_transfer_v1'];
const snapshot = async () =>
  Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await dataSource.query(`select * from enrolment.${t} order by 1, 2`)] as const)));
const apply = (events: readonly RecordedEvent[]) => dataSource.transaction((tx) => enrolmentViewsProjection.apply(events, tx));

beforeAll(async () => {
  database = await createTestDatabase('enrolment-views');
  const setup = new DataSource({ type: 'postgres', url: database.url });
  await setup.initialize();
  await setup.query('create schema enrolment');
  await setup.destroy();
  dataSource = new DataSource({ type: 'postgres', url: database.url, schema: 'enrolment', entities: [...enrolmentViewsProjection.entities], synchronize: true });
  await dataSource.initialize();
}, 30_000);

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('Enrolment views', () => {
  it('keeps sites, participants, episodes, consents and both sides of a transfer', async () => {
    await apply(recorded);
    const rows = await snapshot();
    expect(rows.enrolment_site_v1).toEqual([expect.objectContaining({ site_id: 'north', time_zone: 'America/Chicago', revision: 1 })]);
    expect(rows.enrolment_participant_v1).toEqual([
      expect.objectContaining({ site_id: 'north', status: 'registered', details_id: examples.ParticipantDetailsRecorded.data.detailsId, active_episode_id: null, erased_at: expect.any(Date) }),
      expect.objectContaining({ site_id: 'south', status: 'referenced', referenced_from_site_id: 'north', active_episode_id: southEpisodeId }),
    ]);
    const episodes = rows.enrolment_episode_v1 as Record<string, unknown>[];
    expect(episodes.find((e) => e.site_id === 'north')).toMatchObject({
      status: 'discharged',
      discharge_reason: 'transferred',
      programme: 'intensive-outpatient',
      level_of_care: '2.1',
      levels: [{ levelOfCare: '3.5', programme: 'residential', from: '2025-02-03', reason: null }, { levelOfCare: '2.1', programme: 'intensive-outpatient', from: '2025-03-10', reason: 'clinical-improvement' }],
    });
    expect(episodes.find((e) => e.site_id === 'south')).toMatchObject({ status: 'active', admission_kind: 'transfer-in' });
    const consents = rows.enrolment_consent_v1 as Record<string, unknown>[];
    expect(consents.map((c) => [c.purpose, c.revoked_at !== null, c.ended_on])).toEqual(
      expect.arrayContaining([['peer-support', true, null], ['transfer', false, '2025-04-02']]),
    );
    const transfers = rows.enrolment_transfer_v1 as Record<string, unknown>[];
    expect(transfers.map((t) => [t.site_id, t.direction, t.status])).toEqual(expect.arrayContaining([['north', 'outgoing', 'accepted'], ['south', 'incoming', 'accepted']]));
  });

  it('leaves the same rows when a batch is applied again (a replay is harmless)', async () => {
    const before = await snapshot();
    await apply(recorded);
    expect(await snapshot()).toEqual(before);
  });

  it('links a readmission to the episode before it, and shows a declined request as declined', async () => {
    const declined = { ...examples.TransferDeclined.data, transferId: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f' };
    await apply([
      { type: 'TransferReceived', data: { ...examples.TransferReceived.data, transferId: declined.transferId } },
      { type: 'TransferDeclined', data: declined },
      examples.Readmitted,
      examples.Readmitted,
    ] as unknown as RecordedEvent[]);
    const [readmission] = await dataSource.query(`select * from enrolment.enrolment_episode_v1 where episode_id = $1`, [examples.Readmitted.data.episodeId]);
    expect(readmission).toMatchObject({ admission_kind: 'readmission', previous_episode_id: examples.Enrolled.data.episodeId, status: 'active' });
    const [north] = await dataSource.query(`select active_episode_id from enrolment.enrolment_participant_v1 where site_id = 'north'`);
    expect(north.active_episode_id).toBe(examples.Readmitted.data.episodeId);
    const [transfer] = await dataSource.query(`select status, decline_reason from enrolment.enrolment_transfer_v1 where transfer_id = $1`, [declined.transferId]);
    expect(transfer).toEqual({ status: 'declined', decline_reason: 'no-capacity' });
  });

  it('handles every published event type', () => {
    expect([...enrolmentViewsProjection.handles].sort()).toEqual([...ENROLMENT_EVENT_TYPES].sort());
  });
});
