// Replays dead letters from `<topic>.dlq` onto `<topic>`, once their cause is fixed
// (docs/operations.md, "Replay a DLQ"). Compiled into every image, so it runs in-cluster:
//
//   node dist/deploy/tools/replay-dlq.js --topic alongside.enrolment.events.dlq \
//     [--consumer <dlq-consumer header>] [--reason handler-failed] [--dry-run] [--brokers host:9092]
//
// Each letter goes back exactly as it first arrived (key, value, original headers), without the
// dlq-* headers and with dlq-replayed-from naming where it came from. Consumers dedupe by event id
// (their inbox), so a replay is harmless to the consumers that had handled the event. Only the
// letters present when the replay starts are replayed, so a letter that fails again is not chased
// in a loop; progress is committed per filter, so a second run replays nothing twice.
import { Kafka, logLevel, type IHeaders, type KafkaMessage } from 'kafkajs';

export type ReplayFilter = Readonly<{ consumer?: string; reason?: string }>;

export type ReplayOptions = ReplayFilter &
  Readonly<{
    kafka: Kafka;
    dlqTopic: string;
    dryRun?: boolean;
    /** Called for each letter that matches, before it is replayed (or instead, on a dry run). */
    onLetter?: (letter: DeadLetterSummary) => void;
  }>;

export type DeadLetterSummary = Readonly<{
  partition: number;
  offset: string;
  key: string | null;
  consumer?: string;
  reason?: string;
  error?: string;
  eventId?: string;
  eventType?: string;
  siteId?: string;
}>;

export type ReplayResult = Readonly<{ matched: number; replayed: number; skipped: number }>;

const DLQ_SUFFIX = '.dlq';

const text = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

const matches = (headers: IHeaders | undefined, filter: ReplayFilter) =>
  (filter.consumer === undefined || text(headers, 'dlq-consumer') === filter.consumer) &&
  (filter.reason === undefined || text(headers, 'dlq-reason') === filter.reason);

const summary = (partition: number, message: KafkaMessage): DeadLetterSummary => ({
  partition,
  offset: message.offset,
  key: message.key?.toString() ?? null,
  consumer: text(message.headers, 'dlq-consumer'),
  reason: text(message.headers, 'dlq-reason'),
  error: text(message.headers, 'dlq-error')?.slice(0, 300),
  eventId: text(message.headers, 'event-id'),
  eventType: text(message.headers, 'event-type'),
  siteId: text(message.headers, 'site-id'),
});

/** The consumer group that remembers how far a replay with this filter got. */
export const replayGroupId = (dlqTopic: string, filter: ReplayFilter) =>
  `alongside.dlq-replay.${dlqTopic}.${filter.consumer ?? 'all-consumers'}.${filter.reason ?? 'all-reasons'}`;

export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayResult> {
  const { kafka, dlqTopic, dryRun = false } = options;
  if (!dlqTopic.endsWith(DLQ_SUFFIX))
    throw new Error(`${dlqTopic} is not a dead-letter topic (<topic>${DLQ_SUFFIX})`);
  const target = dlqTopic.slice(0, -DLQ_SUFFIX.length);
  const filter = { consumer: options.consumer, reason: options.reason };
  // A dry run reads everything and commits nothing, under a group of its own.
  const groupId = dryRun
    ? `${replayGroupId(dlqTopic, filter)}.dry-run.${Date.now()}`
    : replayGroupId(dlqTopic, filter);

  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, bigint>;
  let starts: Map<number, bigint>;
  try {
    const topics = await admin.listTopics();
    for (const topic of [dlqTopic, target])
      if (!topics.includes(topic)) throw new Error(`topic ${topic} does not exist`);
    const offsets = await admin.fetchTopicOffsets(dlqTopic);
    ends = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    const committed = dryRun
      ? []
      : ((await admin.fetchOffsets({ groupId, topics: [dlqTopic] }))[0]?.partitions ?? []);
    starts = new Map(
      offsets.map((o) => {
        const done = committed.find((c) => c.partition === o.partition)?.offset;
        return [o.partition, done !== undefined && done !== '-1' ? BigInt(done) : BigInt(o.low)];
      }),
    );
  } finally {
    await admin.disconnect();
  }
  const pending = new Set(
    [...ends].filter(([partition, end]) => (starts.get(partition) ?? 0n) < end).map(([p]) => p),
  );
  if (pending.size === 0) return { matched: 0, replayed: 0, skipped: 0 };

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  let matched = 0;
  let replayed = 0;
  let skipped = 0;
  try {
    if (!dryRun) await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic: dlqTopic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const finish = (partition: number) => {
        pending.delete(partition);
        if (pending.size === 0) resolve();
      };
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = ends.get(partition) ?? 0n;
            if (BigInt(message.offset) >= end) return finish(partition);
            if (matches(message.headers, filter)) {
              matched++;
              options.onLetter?.(summary(partition, message));
              if (!dryRun) {
                const headers: IHeaders = Object.fromEntries(
                  Object.entries(message.headers ?? {}).filter(([name]) => !name.startsWith('dlq-')),
                );
                headers['dlq-replayed-from'] = `${dlqTopic}/${partition}/${message.offset}`;
                await producer.send({
                  topic: target,
                  acks: -1,
                  messages: [{ key: message.key, value: message.value, headers }],
                });
                replayed++;
              }
            } else {
              skipped++;
            }
            // Committed only once the replayed copy is acknowledged: a crash replays it again at worst.
            if (!dryRun)
              await consumer.commitOffsets([
                { topic: dlqTopic, partition, offset: (BigInt(message.offset) + 1n).toString() },
              ]);
            if (BigInt(message.offset) + 1n >= end) finish(partition);
            return undefined;
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    if (!dryRun) await producer.disconnect().catch(() => undefined);
  }
  return { matched, replayed, skipped };
}

function parseArgs(argv: string[]) {
  const options: { topic?: string; consumer?: string; reason?: string; dryRun: boolean; brokers?: string } = {
    dryRun: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return next;
    };
    switch (argv[i]) {
      case '--topic':
        options.topic = value();
        break;
      case '--consumer':
        options.consumer = value();
        break;
      case '--reason':
        options.reason = value();
        break;
      case '--brokers':
        options.brokers = value();
        break;
      case '--dry-run':
        options.dryRun = true;
        break;
      default:
        throw new Error(`unexpected argument ${argv[i]}`);
    }
  }
  if (!options.topic)
    throw new Error(
      'usage: replay-dlq --topic <topic>.dlq [--consumer c] [--reason r] [--dry-run] [--brokers b]',
    );
  return options;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const brokers = (args.brokers ?? process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new Error('no brokers: --brokers or KAFKA_BROKERS');
  const kafka = new Kafka({ clientId: 'alongside-dlq-replay', brokers, logLevel: logLevel.WARN });
  const result = await replayDeadLetters({
    kafka,
    dlqTopic: args.topic as string,
    consumer: args.consumer,
    reason: args.reason,
    dryRun: args.dryRun,
    // No payloads printed: what identifies the event, and why it failed.
    onLetter: (letter) => console.log(JSON.stringify(letter)),
  });
  console.log(
    `${args.dryRun ? 'would replay' : 'replayed'} ${args.dryRun ? result.matched : result.replayed}, skipped ${result.skipped} not matching the filter`,
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
