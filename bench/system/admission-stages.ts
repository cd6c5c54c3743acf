import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { latencyOf } from '../harness/stats';

/** One admission's journey: when it left, and how long until the dashboard counted it. */
export type Journey = Readonly<{ participantId: string; sentAtMs: number; seenAfterMs: number }>;

type Hops = Readonly<{ enrolledAt: number; producedAt: number; handledAt: number; admittedAt: number }>;

/**
 * When the relay handed each enrolment event to Kafka: the producer's CreateTime of its message,
 * by event id. Read after the run with a throw-away group, up to the offsets the topic has now.
 */
const producedAtByEventId = async (brokers: readonly string[], topic: string): Promise<Map<string, number>> => {
  const kafka = new Kafka({ clientId: 'bench-stages', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
  await admin.disconnect();
  const produced = new Map<string, number>();
  const remaining = new Set([...ends].filter(([, high]) => high > 0n).map(([partition]) => partition));
  if (remaining.size === 0) return produced;
  const consumer = kafka.consumer({ groupId: `bench-stages-${process.pid}-${Date.now()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const id = message.headers?.['event-id']?.toString();
        if (id) produced.set(id, Number(message.timestamp));
        if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n)) remaining.delete(partition);
        if (remaining.size === 0) done();
      },
    });
    await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error(`${topic} not read to its end within 60 s`)), 60_000).unref())]);
  } finally {
    await consumer.disconnect();
  }
  return produced;
};

/**
 * Where the time goes, hop by hop, from clocks of one machine: sent → in enrolment's log (the
 * command; `recorded_at` is the appending transaction's start) → handed to Kafka (the relay: the
 * append's commit, the log's visibility rule, the relay's poll and read; the message's CreateTime)
 * → outcomes' consumer starts on it (the broker's acknowledgement, the fetch, the consumer's queue;
 * the inbox row's `handled_at`, its transaction's start) → in outcomes' log (the consumer's handler)
 * → on the dashboard (the consumer's commit, the projection's poll and batch, the dashboard's query,
 * the bench's poll).
 */
export const admissionStages = async (
  options: Readonly<{ databaseUrl: string; brokers: readonly string[]; enrolmentTopic: string; inboxConsumer: string }>,
  journeys: readonly Journey[],
) => {
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  let rows: { participant_id: string; event_id: string; enrolled_ms: string; handled_ms: string | null; admitted_ms: string | null }[];
  try {
    ({ rows } = await client.query(
      `select e.data->>'participantId' as participant_id, e.event_id::text,
              (extract(epoch from e.recorded_at) * 1000)::text as enrolled_ms,
              (extract(epoch from i.handled_at) * 1000)::text as handled_ms,
              (select (extract(epoch from a.recorded_at) * 1000)::text from outcomes.events a
                where a.type = 'ParticipantAdmitted' and a.data->>'participantId' = e.data->>'participantId' limit 1) as admitted_ms
         from enrolment.events e
         left join outcomes.inbox i on i.event_id = e.event_id and i.consumer = $1
        where e.type = 'Enrolled'`,
      [options.inboxConsumer],
    ));
  } finally {
    await client.end();
  }
  const produced = await producedAtByEventId(options.brokers, options.enrolmentTopic);
  const hops = new Map<string, Hops>();
  for (const row of rows) {
    const producedAt = produced.get(row.event_id);
    if (row.handled_ms === null || row.admitted_ms === null || producedAt === undefined) continue;
    hops.set(row.participant_id, { enrolledAt: Number(row.enrolled_ms), producedAt, handledAt: Number(row.handled_ms), admittedAt: Number(row.admitted_ms) });
  }
  const known = journeys.flatMap((j) => {
    const hop = hops.get(j.participantId);
    return hop ? [{ ...j, ...hop }] : [];
  });
  const stage = (of: (j: (typeof known)[number]) => number) => latencyOf(known.map(of));
  return {
    journeys: known.length,
    commandMs: stage((j) => j.enrolledAt - j.sentAtMs),
    relayMs: stage((j) => j.producedAt - j.enrolledAt),
    kafkaToConsumerMs: stage((j) => j.handledAt - j.producedAt),
    consumerMs: stage((j) => j.admittedAt - j.handledAt),
    throughKafkaMs: stage((j) => j.admittedAt - j.enrolledAt),
    toDashboardMs: stage((j) => j.sentAtMs + j.seenAfterMs - j.admittedAt),
  };
};
