import { ENROLMENT_CONTEXT } from '@alongside/enrolment/contracts';
import { TransferSaga } from '@alongside/enrolment/application';
import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import { eventsTopic, toEventMessage, type ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { createTestDatabase, testKafka, uniqueTopic, type TestDatabase } from '@alongside/platform/testing';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { admissionBody, personBody, siteBody, transferBody, transferConsentBody } from './enrolment-fixtures';
import { bearer, createEnrolmentTopic, eventually, startEnrolmentApp, type EnrolmentTestApp } from './enrolment-test-app';

/**
 * The transfer saga between two deployments, one per site, each with its own database, talking
 * only through Kafka — with a restart of each side in the middle and duplicated messages.
 */
const clock = { now: new Date('2025-03-20T15:00:00Z') };
const prefix = uniqueTopic('enrolment-saga');
let topic: string;
let northDb: TestDatabase;
let southDb: TestDatabase;
let north: EnrolmentTestApp;
let south: EnrolmentTestApp;
let producer: Producer;

const startNorth = () => startEnrolmentApp({ databaseUrl: northDb.url, prefix, clock, env: { ENROLMENT_SITES: 'north', ENROLMENT_CONSUMER_GROUP: `${prefix}.north` } });
const startSouth = () => startEnrolmentApp({ databaseUrl: southDb.url, prefix, clock, env: { ENROLMENT_SITES: 'south', ENROLMENT_CONSUMER_GROUP: `${prefix}.south` } });

type Row = { id: string; type: string; data: Record<string, unknown>; stream_id: string };
const eventsIn = async (side: EnrolmentTestApp, type: string, where: (data: Record<string, unknown>) => boolean = () => true): Promise<Row[]> =>
  ((await side.app.get(DataSource).query('select event_id::text as id, type, data, stream_id from enrolment.events where type = $1 order by global_position', [type])) as Row[]).filter((row) =>
    where(row.data),
  );
const waitForEvents = (side: EnrolmentTestApp, type: string, where: (data: Record<string, unknown>) => boolean, what: string) =>
  eventually(async () => {
    const rows = await eventsIn(side, type, where);
    return rows.length > 0 ? rows : undefined;
  }, { timeoutMs: 40_000, what });

/** Until a consumer group has handled everything on the topic: its committed offsets reach the end. */
const drained = async (group: string) => {
  const admin = testKafka('enrolment-saga-offsets').admin();
  await admin.connect();
  try {
    await eventually(async () => {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      return ends.every((end) => {
        const at = committed.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        return end.high === '0' || Number(at) >= Number(end.high);
      });
    }, { timeoutMs: 40_000, what: `${group} to reach the end of the topic` });
  } finally {
    await admin.disconnect();
  }
};

/** The message exactly as the relay put it on Kafka, read back from the side that recorded it. */
const republish = async (side: EnrolmentTestApp, eventId: string) => {
  const { events } = await side.store.readAll({ limit: 100_000 });
  const recorded = events.find((e) => e.id === eventId) as RecordedEvent;
  await producer.send({ topic, messages: [toEventMessage(recorded)] });
  return recorded;
};

const clinician = (site: string) => bearer({ roles: ['clinician'], sites: [site] }, site);

beforeAll(async () => {
  [northDb, southDb] = await Promise.all([createTestDatabase('enrolment-saga-north'), createTestDatabase('enrolment-saga-south')]);
  topic = await createEnrolmentTopic(prefix);
  [north, south] = await Promise.all([startNorth(), startSouth()]);
  producer = testKafka('enrolment-saga-duplicates').producer();
  await producer.connect();
  const admin = await bearer({ roles: ['platform-admin'], sites: ['north', 'south'] });
  await north.http().put('/sites/north/configuration').set('Authorization', admin).send(siteBody('North', 'America/Chicago', ['residential', 'outpatient'])).expect(200);
  await south.http().put('/sites/south/configuration').set('Authorization', admin).send(siteBody('South', 'America/New_York', ['outpatient', 'recovery-housing'])).expect(200);
}, 90_000);

afterAll(async () => {
  await producer?.disconnect();
  await Promise.all([north?.close(), south?.close()]);
  await Promise.all([northDb?.drop(), southDb?.drop()]);
});

describe('Transfer saga between two deployments', () => {
  let participantId: string;
  let episodeId: string;
  let transferId: string;

  it('serves only its own sites: the other site answers 404 on each deployment', async () => {
    await north.http().get('/sites/south/transfers/incoming').set('Authorization', await clinician('south')).expect(404);
    await south.http().get('/sites/north/transfers/outgoing').set('Authorization', await clinician('north')).expect(404);
  });

  it('hears a request made while the destination was down, once it is back', async () => {
    const auth = await clinician('north');
    participantId = (await north.http().post('/sites/north/participants').set('Authorization', auth).send(personBody({ givenName: 'Dee' })).expect(201)).body.participantId;
    // A consent for this one transfer: it ends when the transfer completes.
    await north.http().post(`/sites/north/participants/${participantId}/consents`).set('Authorization', auth)
      .send(transferConsentBody('south', { expiry: { kind: 'event', event: 'transfer-completed' } })).expect(201);
    episodeId = (await north.http().post(`/sites/north/participants/${participantId}/episodes`).set('Authorization', auth).send(admissionBody()).expect(201)).body.episodeId;

    await south.close();
    transferId = (await north.http().post(`/sites/north/participants/${participantId}/transfers`).set('Authorization', auth).send(transferBody('south')).expect(201)).body.transferId;
    south = await startSouth();

    const [received] = await waitForEvents(south, 'TransferReceived', (d) => d.transferId === transferId, 'the request heard at south after its restart');
    expect(received.stream_id).toBe(`enrolment.participant-south-${participantId}`);
    expect(received.data).toMatchObject({ fromSiteId: 'north', toSiteId: 'south', history: { siteId: 'north', participantId } });
    const queue = await eventually(async () => {
      const r = await south.http().get('/sites/south/transfers/incoming').query({ status: 'pending' }).set('Authorization', await clinician('south'));
      return r.body.items?.length === 1 && r.body;
    }, { timeoutMs: 20_000 });
    expect(queue.items[0]).toMatchObject({ transferId, participantId, fromSiteId: 'north' });
  }, 90_000);

  it('records a duplicated request once (the inbox; and, past the inbox, the derived event ids)', async () => {
    const [requested] = await eventsIn(north, 'TransferRequested', (d) => d.transferId === transferId);
    const recorded = await republish(north, requested.id);
    await drained(`${prefix}.south`);
    // Past the inbox: the saga handling the same message again appends nothing.
    await south.app.get(TransferSaga).heardRequest({ ...recorded, origin: { topic, partition: 0, offset: '0' } } as unknown as ConsumedEvent<never>);
    expect(await eventsIn(south, 'TransferReceived', (d) => d.transferId === transferId)).toHaveLength(1);
  }, 60_000);

  it('closes the source episode as transferred when the destination accepts, though the source was down meanwhile', async () => {
    await north.close();
    clock.now = new Date('2025-03-21T15:00:00Z');
    const accepted = await south.http().post(`/sites/south/transfers/incoming/${transferId}/acceptance`).set('Authorization', await clinician('south'))
      .send({ programme: 'outpatient', levelOfCare: '1', admittedOn: '2025-03-21' }).expect(201);
    north = await startNorth();

    const [discharged] = await waitForEvents(north, 'Discharged', (d) => d.episodeId === episodeId, 'the source discharge after its restart');
    expect(discharged.data).toMatchObject({ reason: 'transferred', transferId, dischargedOn: '2025-03-21', siteId: 'north' });
    const [answer] = await eventsIn(north, 'TransferAnswerReceived', (d) => d.transferId === transferId);
    expect(answer.data).toMatchObject({ answer: 'accepted', destinationEpisodeId: accepted.body.episodeId, admittedOn: '2025-03-21' });
    const [ended] = await eventsIn(north, 'ConsentEnded', (d) => d.participantId === participantId);
    expect(ended.data).toMatchObject({ purpose: 'transfer', because: 'transfer-completed', endedOn: '2025-03-21' });
  }, 90_000);

  it('records a duplicated acceptance once', async () => {
    const [accepted] = await eventsIn(south, 'TransferAccepted', (d) => d.transferId === transferId);
    await republish(south, accepted.id);
    await drained(`${prefix}.north`);
    expect(await eventsIn(north, 'TransferAnswerReceived', (d) => d.transferId === transferId)).toHaveLength(1);
    expect(await eventsIn(north, 'Discharged', (d) => d.transferId === transferId)).toHaveLength(1);
  }, 60_000);

  it('keeps each side of the saga in its own log, and the history at the source (by reference, not by copy)', async () => {
    const types = async (side: EnrolmentTestApp) =>
      ((await side.app.get(DataSource).query(`select type from enrolment.events where data->>'transferId' = $1 or data->'transferredFrom'->>'transferId' = $1 order by global_position`, [transferId])) as { type: string }[]).map((r) => r.type);
    expect(await types(north)).toEqual(['TransferRequested', 'TransferAnswerReceived', 'Discharged']);
    expect((await eventsIn(north, 'ConsentEnded', (d) => d.participantId === participantId)).map((e) => e.type)).toEqual(['ConsentEnded']);
    expect(await types(south)).toEqual(['TransferReceived', 'TransferAccepted', 'Enrolled']);
    const [enrolled] = await eventsIn(south, 'Enrolled', (d) => d.participantId === participantId);
    expect(enrolled.data).toMatchObject({ siteId: 'south', transferredFrom: { transferId, siteId: 'north', participantId, episodeId } });
    // Nothing of the participant's record was copied: no details, no consents, no earlier episodes at south.
    expect(await south.app.get(DataSource).query('select 1 from enrolment.enrolment_personal_details')).toHaveLength(0);
    expect(await eventsIn(south, 'ConsentGranted')).toHaveLength(0);
    expect(await eventsIn(south, 'ParticipantRegistered')).toHaveLength(0);
    const outgoing = await eventually(async () => {
      const r = await north.http().get('/sites/north/transfers/outgoing').set('Authorization', await clinician('north'));
      return r.body.items?.[0]?.status === 'accepted' && r.body;
    }, { timeoutMs: 20_000 });
    expect(outgoing.items[0]).toMatchObject({ transferId, destinationEpisodeId: expect.any(String) });
  });

  it('leaves the source episode open when the destination declines', async () => {
    const auth = await clinician('north');
    const eve = (await north.http().post('/sites/north/participants').set('Authorization', auth).send(personBody({ givenName: 'Eve' })).expect(201)).body.participantId;
    await north.http().post(`/sites/north/participants/${eve}/consents`).set('Authorization', auth).send(transferConsentBody('south')).expect(201);
    const eveEpisode = (await north.http().post(`/sites/north/participants/${eve}/episodes`).set('Authorization', auth).send(admissionBody()).expect(201)).body.episodeId;
    const declinedTransfer = (await north.http().post(`/sites/north/participants/${eve}/transfers`).set('Authorization', auth).send(transferBody('south')).expect(201)).body.transferId;
    await waitForEvents(south, 'TransferReceived', (d) => d.transferId === declinedTransfer, 'the second request at south');
    await eventually(async () => (await south.http().get('/sites/south/transfers/incoming').query({ status: 'pending' }).set('Authorization', await clinician('south'))).body.items?.length === 1, { timeoutMs: 20_000 });
    await south.http().post(`/sites/south/transfers/incoming/${declinedTransfer}/decline`).set('Authorization', await clinician('south')).send({ reason: 'no-capacity' }).expect(200);

    const [answer] = await waitForEvents(north, 'TransferAnswerReceived', (d) => d.transferId === declinedTransfer, 'the decline heard at north');
    expect(answer.data).toMatchObject({ answer: 'declined', declineReason: 'no-capacity' });
    expect(await eventsIn(north, 'Discharged', (d) => d.episodeId === eveEpisode)).toHaveLength(0);
    const census = await eventually(async () => {
      const r = await north.http().get('/sites/north/census').set('Authorization', auth);
      return r.body.active === 1 && r.body;
    }, { timeoutMs: 20_000 });
    expect(census.byProgramme).toEqual({ residential: 1 });
    // The source may ask again once declined.
    await north.http().post(`/sites/north/participants/${eve}/transfers`).set('Authorization', auth).send(transferBody('south')).expect(201);
  }, 90_000);

  it('publishes every event on the one topic, keyed by stream', async () => {
    expect(topic).toBe(eventsTopic(ENROLMENT_CONTEXT, prefix));
  });
});
