import { contextOf } from '@alongside/platform/event-sourcing';
import { IdleWait, pause, readsStoredJson, type EventStore } from '@alongside/platform/event-store';
import { type Admin, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import { Pool, type ClientConfig } from 'pg';
import { Registry } from 'prom-client';
import { storedEventMessage, toEventMessage } from '../event-message';
import type { LogHead } from '../log-head';
import { defaultLogger, type Logger } from '../logger';
import { deadLetterTopic, defaultTopicLayout, ensureTopics, eventsTopic, type TopicLayout } from '../topics';
import { KeyPartitioner } from './key-partitioner';
import { RelayCheckpoint } from './relay-checkpoint';
import { RelayLease } from './relay-lease';
import { RelayMetrics } from './relay-metrics';

export type KafkaRelayOptions = Readonly<{
  /** Usually the service's context (`enrolment`): names the lease and the checkpoint row. */
  name: string;
  store: EventStore;
  /** Where the log ends, for the lag metric and readiness. */
  logHead: LogHead;
  /** The service's database: the checkpoint table and the lease connection live there. */
  connection: ClientConfig;
  /** The service's schema, where `relay_checkpoints` is kept. */
  schema: string;
  kafka: Kafka;
  /** Contexts whose topics (and `.dlq` topics) are created on start; others are created when first seen. */
  contexts?: readonly string[];
  /** `alongside` in production; tests give each file its own. */
  topicPrefix?: string;
  topicLayout?: TopicLayout;
  /** Events read, published and checkpointed at a time. */
  batchSize?: number;
  /**
   * Most bytes per produce request; a batch is split into several requests above it. Below the
   * broker's default message.max.bytes (1 MiB), which bounds each partition's record batch.
   */
  maxRequestBytes?: number;
  /** How long to wait when the log is quiet before reading again (less when the store announces an append). */
  idleMs?: number;
  /** How often a waiting replica asks for the lease. */
  leaseRetryMs?: number;
  /** How long stop() lets the in-flight batch finish before it disconnects the producer under it. */
  stopTimeoutMs?: number;
  /** How long a produce request may wait for its acknowledgement before it counts as failed. */
  sendTimeoutMs?: number;
  /**
   * kafkajs's idempotent producer (acks -1, one request in flight) keeps a retried produce request
   * from duplicating messages. It is only safe with sends that never overlap (kafkajs#598); the
   * relay sends one batch at a time, so it is on by default.
   */
  idempotent?: boolean;
  metrics?: Registry;
  logger?: Logger;
}>;

export type RelayStatus = Readonly<{
  name: string;
  /** True while this replica holds the lease and publishes; a standby reports false and is healthy. */
  leader: boolean;
  /** Last global position acknowledged by Kafka (as far as this replica knows). */
  position: bigint | null;
  /** Events in the log not yet acknowledged, measured at the last batch or idle poll. */
  lag: bigint | null;
  /** The last failure while publishing, cleared by the next acknowledged batch. */
  lastError: string | null;
}>;

/** A batch of the log, ready to send: each message with the stream that names its topic. */
type OutgoingBatch = Readonly<{ messages: readonly Readonly<{ streamId: string; message: Message }>[]; position: bigint }>;

const HEAD_REFRESH_MS = 1_000;
const noop = () => undefined;

/** What a message weighs on the wire, near enough to stay under the broker's limit. */
const messageBytes = (message: Message): number => {
  let bytes = 64 + Buffer.byteLength(message.key as string) + Buffer.byteLength(message.value as string);
  for (const [name, value] of Object.entries(message.headers ?? {})) bytes += name.length + String(value).length + 8;
  return bytes;
};

/**
 * Follows the store's global log from a durable checkpoint and publishes each event to its
 * context's topic, keyed by stream (DESIGN §3.4). At least once, in stream order per key:
 * batches go out one at a time with acks -1, and the checkpoint moves only after the ack.
 */
export class KafkaRelay {
  private readonly stopping = new AbortController();
  private readonly options: Required<Omit<KafkaRelayOptions, 'contexts'>> & { contexts: readonly string[] };
  private readonly logger: Logger;
  private readonly metrics: RelayMetrics;
  private readonly knownTopics = new Set<string>();
  private running: Promise<void> | undefined;
  private producer: Producer | undefined;
  private producerConnected: Promise<void> | undefined;
  private admin: Admin | undefined;
  private adminConnected: Promise<void> | undefined;
  private state: { leader: boolean; position: bigint | null; lag: bigint | null; lastError: string | null } = {
    leader: false,
    position: null,
    lag: null,
    lastError: null,
  };
  private headReadAt = 0;
  private head: bigint | null = null;

  constructor(options: KafkaRelayOptions) {
    this.options = {
      contexts: [],
      topicPrefix: 'alongside',
      topicLayout: defaultTopicLayout,
      batchSize: 2_000,
      maxRequestBytes: 900 * 1024,
      idleMs: 100,
      leaseRetryMs: 1_000,
      stopTimeoutMs: 15_000,
      sendTimeoutMs: 30_000,
      idempotent: true,
      metrics: new Registry(),
      logger: defaultLogger(`relay:${options.name}`),
      ...options,
    };
    this.logger = this.options.logger;
    this.metrics = new RelayMetrics(this.options.metrics, options.name);
  }

  /** Starts following the log in the background; a second replica waits for the lease. */
  start(): void {
    this.running ??= this.run().catch((error) => {
      this.logger.error({ err: error, relay: this.options.name }, 'relay stopped on an unexpected error');
      this.state.lastError = (error as Error).message;
    });
  }

  /** Finishes the in-flight batch (send, ack, checkpoint), releases the lease and disconnects. */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (!this.running) return;
    const finished = await Promise.race([
      this.running.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), this.options.stopTimeoutMs).unref()),
    ]);
    if (!finished) {
      this.logger.warn({ relay: this.options.name }, 'in-flight batch did not finish in time; disconnecting under it');
      await this.producer?.disconnect().catch(() => undefined);
      await this.running;
    }
  }

  status(): RelayStatus {
    return { name: this.options.name, ...this.state };
  }

  /**
   * For a readiness check (`ReadinessChecks.register('relay', async () => relay.readiness())`):
   * down while a failure is outstanding (broker or database unreachable). A standby is up.
   */
  readiness(): Readonly<{ up: boolean; details: Record<string, unknown> }> {
    const { leader, position, lag, lastError } = this.state;
    return {
      up: lastError === null,
      details: { leader, position: position?.toString() ?? null, lag: lag?.toString() ?? null, ...(lastError ? { lastError } : {}) },
    };
  }

  private async run(): Promise<void> {
    const pool = new Pool({ ...this.options.connection, max: 2 });
    pool.on('error', (error) => this.logger.warn({ err: error }, 'idle checkpoint connection failed'));
    // A connection that dies while checked out, between queries, reports on the client itself: the next query fails instead.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const checkpoint = new RelayCheckpoint(pool, this.options.schema, this.options.name);
    const idle = new IdleWait(this.options.store);
    this.admin = this.options.kafka.admin();
    try {
      while (!this.stopping.signal.aborted) {
        const lease = await RelayLease.acquire({
          connection: this.options.connection,
          key: `alongside.relay.${this.options.schema}.${this.options.name}`,
          retryMs: this.options.leaseRetryMs,
          signal: this.stopping.signal,
          logger: this.logger,
          // A standby that reached the database again is healthy, whatever failed before.
          onConnected: () => (this.state.lastError = null),
        }).catch(async (error) => {
          this.noteFailure(error, 'cannot reach the database for the lease');
          await pause(this.options.leaseRetryMs, this.stopping.signal);
          return undefined;
        });
        if (lease === null) break;
        if (lease === undefined) continue;
        this.state.leader = true;
        this.metrics.holdingLease(true);
        try {
          await this.publishWhileLeader(lease, checkpoint, idle);
        } finally {
          this.state.leader = false;
          this.metrics.holdingLease(false);
          await lease.release();
        }
      }
    } finally {
      idle.close();
      await this.producer?.disconnect().catch(() => undefined);
      await this.admin.disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
    }
  }

  private async publishWhileLeader(lease: RelayLease, checkpoint: RelayCheckpoint, idle: IdleWait): Promise<void> {
    const signals = [this.stopping.signal, lease.lost];
    const held = () => !signals.some((s) => s.aborted);
    let failures = 0;
    while (held()) {
      try {
        // The producer's handshake (an idempotent producer asks for its id) overlaps the rest.
        const [, , position0] = await Promise.all([
          this.connectedProducer(),
          this.prepareTopics(),
          checkpoint.ensureTable().then(() => checkpoint.read()),
        ]);
        let position = position0;
        this.state.position = position;
        this.logger.info({ relay: this.options.name, position: position.toString() }, 'publishing from checkpoint');
        while (held()) {
          idle.reading();
          position = await this.drain(position, checkpoint, held);
          failures = 0;
          this.state.lastError = null; // drained: whatever failed before has recovered
          await this.measureLag(position, true);
          if (held()) await idle.idle(this.options.idleMs, ...signals);
        }
      } catch (error) {
        failures++;
        this.noteFailure(error, 'publishing failed; resuming from the checkpoint');
        // A producer that failed may hold sequence numbers the broker no longer agrees with.
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = undefined;
        this.producerConnected = undefined;
        await pause(Math.min(30_000, 250 * 2 ** Math.min(failures, 7)), ...signals);
      }
    }
    if (lease.lost.aborted && !this.stopping.signal.aborted) {
      this.logger.warn({ relay: this.options.name }, 'lease lost; stopped publishing');
    }
  }

  /**
   * Publishes until the log is drained or the relay must stop. The next batch is read while the
   * current one is sent, and a batch's checkpoint is written while the next one is sent; sends
   * never overlap, and a checkpoint is only ever written for a batch Kafka acknowledged.
   */
  private async drain(from: bigint, checkpoint: RelayCheckpoint, held: () => boolean): Promise<bigint> {
    let position = from;
    let next: Promise<OutgoingBatch> | null = this.read(position);
    next.catch(() => undefined); // awaited below unless a stop comes first
    // Whether the read awaited next began after the last send: only then does an empty one mean caught up.
    let readAfterSend = true;
    let checkpointing: Promise<void> = Promise.resolve();
    try {
      // A stop (or a lost lease) lets the batch in flight finish; the one read ahead is dropped.
      while (next && held()) {
        const batch: OutgoingBatch = await next;
        if (batch.messages.length === 0) {
          if (readAfterSend) break;
          // Read ahead while the last batch was being sent: events committed during the send are
          // not in it, and an idle pause now would add the send's time and the pause to each of them.
          next = this.read(position);
          next.catch(() => undefined);
          readAfterSend = true;
          continue;
        }
        // Until a read comes back empty: a store may return fewer than asked before the head.
        next = held() ? this.read(batch.position) : null;
        readAfterSend = false;
        // If this batch fails, the prefetched read is abandoned: keep its rejection from going unhandled.
        next?.catch(() => undefined);
        const perTopic = await this.publish(batch.messages);
        await checkpointing;
        const acknowledged = batch.position;
        checkpointing = checkpoint.advance(acknowledged).then(() => {
          this.state.position = acknowledged;
          this.state.lastError = null;
          this.metrics.acknowledged(acknowledged, perTopic);
        });
        checkpointing.catch(() => undefined); // awaited below or before the next checkpoint
        position = acknowledged;
        await this.measureLag(position, false);
      }
    } finally {
      await checkpointing;
      await next?.then(noop, noop); // the read ahead, dropped on a stop: nothing left running on the store
    }
    return position;
  }

  /**
   * Sends the batch as one or more produce requests, in log order, each under `maxRequestBytes`:
   * a batch full of one busy stream lands on one partition, and the broker refuses a record batch
   * over its size limit. Requests go one after another, so order per key holds.
   */
  /**
   * A batch of the log after `after`, as messages. A store that keeps the JSON text (Postgres)
   * hands it over as it is, and it goes out unparsed; the messages are built while the batch
   * before is being sent.
   */
  private async read(after: bigint): Promise<OutgoingBatch> {
    const { store, batchSize: limit } = this.options;
    if (readsStoredJson(store)) {
      const { events, position } = await store.readAllStored({ after, limit });
      return { messages: events.map((event) => ({ streamId: event.streamId, message: storedEventMessage(event) })), position };
    }
    const { events, position } = await store.readAll({ after, limit });
    return { messages: events.map((event) => ({ streamId: event.streamId, message: toEventMessage(event) })), position };
  }

  private async publish(events: OutgoingBatch['messages']): Promise<Map<string, number>> {
    const perTopic = new Map<string, number>();
    const requests: TopicMessages[][] = [];
    let request: Map<string, Message[]> = new Map();
    let bytes = 0;
    for (const { streamId, message } of events) {
      const topic = eventsTopic(contextOf(streamId), this.options.topicPrefix);
      const size = messageBytes(message);
      if (bytes > 0 && bytes + size > this.options.maxRequestBytes) {
        requests.push([...request].map(([t, messages]) => ({ topic: t, messages })));
        request = new Map();
        bytes = 0;
      }
      let messages = request.get(topic);
      if (!messages) request.set(topic, (messages = []));
      messages.push(message);
      bytes += size;
      perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
    }
    requests.push([...request].map(([t, messages]) => ({ topic: t, messages })));
    const unseen = [...perTopic.keys()].filter((topic) => !this.knownTopics.has(topic));
    if (unseen.length > 0) await this.createTopics(unseen);
    const producer = await this.connectedProducer();
    for (const topicMessages of requests) await this.acknowledged(producer.sendBatch({ acks: -1, topicMessages }));
    return perTopic;
  }

  /**
   * The idempotent producer retries a send without end while the broker is away. Past
   * `sendTimeoutMs` the relay calls it a failure instead: readiness reports the broker down, and
   * the send is retried from the checkpoint on a fresh producer once the broker answers again.
   */
  private async acknowledged<T>(send: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Kafka did not acknowledge within ${this.options.sendTimeoutMs} ms`)),
        this.options.sendTimeoutMs,
      );
    });
    send.catch(() => undefined); // if the timeout wins, the abandoned send's rejection is expected
    try {
      return await Promise.race([send, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async prepareTopics(): Promise<void> {
    const topics = this.options.contexts.map((context) => eventsTopic(context, this.options.topicPrefix));
    if (topics.length > 0) await this.createTopics(topics);
  }

  /** Each events topic comes with its dead-letter topic, so consumers never find it missing. */
  private async createTopics(topics: readonly string[]): Promise<void> {
    this.adminConnected ??= this.admin!.connect().catch((error) => {
      this.adminConnected = undefined;
      throw error;
    });
    await this.adminConnected;
    await ensureTopics(this.admin!, topics.flatMap((t) => [t, deadLetterTopic(t)]), this.options.topicLayout);
    topics.forEach((topic) => this.knownTopics.add(topic));
  }

  private async connectedProducer(): Promise<Producer> {
    this.producer ??= this.options.kafka.producer({
      idempotent: this.options.idempotent,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: KeyPartitioner,
    });
    this.producerConnected ??= this.producer.connect();
    await this.producerConnected;
    return this.producer;
  }

  /** The head is asked at most once a second: lag is for humans and alerts, not for flow control. */
  private async measureLag(position: bigint, idle: boolean): Promise<void> {
    const now = Date.now();
    if (now - this.headReadAt >= HEAD_REFRESH_MS || this.head === null || (idle && this.head > position)) {
      try {
        this.head = await this.options.logHead();
        this.headReadAt = now;
      } catch (error) {
        this.logger.warn({ err: error }, 'cannot read the log head for the lag metric');
      }
    }
    if (this.head === null) return;
    const lag = this.head > position ? this.head - position : 0n;
    this.state.lag = lag;
    this.metrics.behind(lag);
  }

  private noteFailure(error: unknown, message: string): void {
    this.state.lastError = (error as Error).message;
    this.logger.error({ err: error, relay: this.options.name }, message);
  }
}
