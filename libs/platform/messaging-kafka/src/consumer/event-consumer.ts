import type { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { Pool, type ClientConfig, type PoolClient } from 'pg';
import { Registry } from 'prom-client';
import { fromEventMessage, UnreadableMessage, type ConsumedEvent, type MessageOrigin } from '../event-message';
import { defaultLogger, type Logger } from '../logger';
import { pause } from '@alongside/platform/event-store';
import { deadLetterTopic, defaultTopicLayout, ensureTopics, type TopicLayout } from '../topics';
import { ConsumerMetrics, type MessageOutcome } from './consumer-metrics';
import { sendToDeadLetterTopic, type DeadLetterReason } from './dead-letter';
import type { EventSchemas } from './event-schemas';
import { Inbox } from './inbox';
import { isOutage } from './outage';
import { defaultRetryPolicy, delayAfter, type RetryPolicy } from './retry-policy';

/**
 * Handles one event inside the transaction that also records it in the inbox: whatever the handler
 * writes through `tx` commits together with "handled", or not at all.
 *
 * Why a `pg` PoolClient and not a TypeORM EntityManager: the usual effect of a consumer is to
 * record what it heard as its own events (DESIGN §3.5), and the Postgres store and the inbox both
 * speak plain `pg`; the consumer needs no DataSource, and a handler that wants TypeORM can still
 * run SQL through the same client.
 *
 * When the effect is an append to the service's own store, the store's append runs in a
 * transaction of its own. That is still exactly once in effect: the handler appends with ids
 * derived from the incoming event (`eventIdFor(event.id, stream, i)`), so if the process dies after
 * the append and before the inbox commits, the redelivered message appends the same ids, the
 * store's unique event id turns it into a no-op (`appended: false`), and the inbox row commits.
 */
export type EventHandler = (event: ConsumedEvent, tx: PoolClient) => Promise<void>;

export type EventConsumerOptions = Readonly<{
  /** The consumer group and the inbox's consumer column, e.g. `outcomes.admissions`. */
  name: string;
  kafka: Kafka;
  topics: readonly string[];
  /** One handler per event type; messages of other types are passed over. */
  handlers: Readonly<Record<string, EventHandler>>;
  /** A check for every handled type, from the publishing context's contracts. */
  schemas: EventSchemas;
  /** The publishers' schema versions and upcasters: handlers only ever see the latest shape. */
  upcasters: UpcasterRegistry;
  /** The service's database and schema, where the inbox lives. */
  connection: ClientConfig;
  schema: string;
  retry?: RetryPolicy;
  /**
   * Partitions handled at once (each still strictly in order). More than one by default: after a
   * pause upstream (the relay, the broker, a busy machine) a burst comes back in one fetch across
   * partitions, and handled one partition after another its last message waited for every handler
   * before it (two commits each). kafkajs fetches again once a fetch's batches are all handled.
   */
  partitionsConsumedConcurrently?: number;
  /** Layout for topics this consumer must create because nothing has published yet. */
  topicLayout?: TopicLayout;
  /** Kafka's session timeout: how soon a dead member's partitions move to another. */
  sessionTimeoutMs?: number;
  metrics?: Registry;
  logger?: Logger;
}>;

const DEFAULT_CONCURRENCY = 3;

export type ConsumerStatus = Readonly<{ name: string; running: boolean; lastError: string | null }>;

/** Consumes one or more topics in a consumer group: inbox, schema checks, retries, dead letters. */
export class EventConsumer {
  private readonly stopping = new AbortController();
  private readonly retry: RetryPolicy;
  private readonly logger: Logger;
  private readonly metrics: ConsumerMetrics;
  private readonly inbox: Inbox;
  private readonly pool: Pool;
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private running = false;
  private lastError: string | null = null;

  constructor(private readonly options: EventConsumerOptions) {
    const missing = Object.keys(options.handlers).filter((type) => !options.schemas[type]);
    if (missing.length > 0) {
      throw new Error(`Consumer ${options.name} handles ${missing.join(', ')} without a schema to check them against`);
    }
    this.retry = options.retry ?? defaultRetryPolicy;
    this.logger = options.logger ?? defaultLogger(`consumer:${options.name}`);
    this.metrics = new ConsumerMetrics(options.metrics ?? new Registry(), options.name);
    this.inbox = new Inbox(options.schema, options.name);
    this.pool = new Pool({ ...options.connection, max: this.concurrency() + 1 });
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'idle inbox connection failed'));
    // A connection that dies while checked out, between queries, reports on the client itself; unheard,
    // Node would end the service (a Postgres restart did). The next query on it fails and is retried instead.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
  }

  /** Resolves once the consumer has joined its group and is consuming. */
  async start(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await this.inbox.ensureTable(client);
    } finally {
      client.release();
    }
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      const topics = this.options.topics.flatMap((topic) => [topic, deadLetterTopic(topic)]);
      await ensureTopics(admin, topics, this.options.topicLayout ?? defaultTopicLayout);
    } finally {
      await admin.disconnect();
    }
    this.producer = this.options.kafka.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    this.consumer = this.options.kafka.consumer({
      groupId: this.options.name,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      // A fetch returns as soon as a message arrives; this only bounds how long an idle consumer's
      // long poll holds up a shutdown.
      maxWaitTimeInMs: 1_000,
      allowAutoTopicCreation: false,
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.lastError = payload.error.message;
      if (!payload.restart) this.running = false; // kafkajs gave up: readiness must say so
      this.logger.error({ err: payload.error, consumer: this.options.name, restart: payload.restart }, 'consumer crashed');
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.concurrency(),
      // Offsets are resolved one message at a time, after it is handled (or parked), and committed
      // at least every second and after each batch; a crash replays at most that much, into the inbox.
      eachBatchAutoResolve: false,
      autoCommitInterval: 1_000,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.running = true;
  }

  /** Lets the in-flight batch finish (a message in retry backoff is left for redelivery), then leaves the group. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.consumer?.disconnect().catch((error) => this.logger.warn({ err: error }, 'consumer disconnect failed'));
    await this.producer?.disconnect().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
    this.running = false;
  }

  private concurrency(): number {
    return this.options.partitionsConsumedConcurrently ?? DEFAULT_CONCURRENCY;
  }

  status(): ConsumerStatus {
    return { name: this.options.name, running: this.running, lastError: this.lastError };
  }

  /** For a readiness check: up while in its group and consuming; the last failure shows either way. */
  readiness(): Readonly<{ up: boolean; details: Record<string, unknown> }> {
    return { up: this.running, details: { running: this.running, ...(this.lastError ? { lastError: this.lastError } : {}) } };
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isStale }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      // After a rebalance the rest of the batch may belong to another member now.
      if (isStale()) return;
      const origin: MessageOrigin = { topic: batch.topic, partition: batch.partition, offset: message.offset };
      const outcome = await this.handleMessage(message, origin, heartbeat);
      if (outcome === 'interrupted') return;
      resolveOffset(message.offset);
      this.metrics.passed(batch.topic, batch.partition, message.offset, batch.highWatermark, outcome);
      await heartbeat();
      await commitOffsetsIfNecessary();
    }
  }

  private async handleMessage(
    message: KafkaMessage,
    origin: MessageOrigin,
    heartbeat: () => Promise<void>,
  ): Promise<MessageOutcome | 'interrupted'> {
    const read = this.read(message, origin);
    if (read.kind === 'ignored') return 'ignored';
    if (read.kind === 'rejected') {
      await this.deadLetter(message, origin, read.reason, read.error, 0);
      return 'dead-lettered';
    }
    const { event } = read;
    const handler = this.options.handlers[event.type];
    let outages = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        const handled = await this.handleOnce(event, handler);
        this.lastError = null;
        return handled ? 'handled' : 'duplicate';
      } catch (error) {
        this.lastError = (error as Error).message;
        if (isOutage(error)) {
          attempt--;
          outages++;
          this.logger.warn({ err: error, consumer: this.options.name, ...facts(event), ...origin }, 'database unreachable; waiting to handle the message');
          await pause(Math.min(10_000, 250 * 2 ** Math.min(outages, 6)), this.stopping.signal);
          if (this.stopping.signal.aborted) return 'interrupted';
          await heartbeat();
          continue;
        }
        if (attempt >= this.retry.attempts) {
          await this.deadLetter(message, origin, 'handler-failed', errorText(error), attempt);
          return 'dead-lettered';
        }
        this.logger.warn(
          { err: error, consumer: this.options.name, ...facts(event), attempt, ...origin },
          'handler failed; retrying',
        );
        await pause(delayAfter(this.retry, attempt), this.stopping.signal);
        if (this.stopping.signal.aborted) return 'interrupted';
        await heartbeat();
      }
    }
  }

  private read(
    message: KafkaMessage,
    origin: MessageOrigin,
  ):
    | { kind: 'event'; event: ConsumedEvent }
    | { kind: 'ignored' }
    | { kind: 'rejected'; reason: DeadLetterReason; error: string } {
    let received: ConsumedEvent;
    try {
      received = fromEventMessage(message, origin);
    } catch (error) {
      if (error instanceof UnreadableMessage) return { kind: 'rejected', reason: 'unreadable', error: error.message };
      throw error;
    }
    if (!this.options.handlers[received.type]) return { kind: 'ignored' };
    const { upcasters } = this.options;
    const latest = upcasters.versionOf(received.type);
    const version = received.metadata.schemaVersion;
    if (version > latest) {
      // Written by a newer publisher than this consumer knows: park it until the consumer is upgraded.
      return { kind: 'rejected', reason: 'schema-invalid', error: `${received.type} v${version} is newer than the v${latest} this consumer knows` };
    }
    let event: ConsumedEvent;
    try {
      const lifted = upcasters.upcast({ type: received.type, data: received.data }, version);
      event = { ...received, data: lifted.data, metadata: { ...received.metadata, schemaVersion: latest } };
    } catch (error) {
      return { kind: 'rejected', reason: 'schema-invalid', error: `cannot upcast: ${errorText(error)}` };
    }
    const problem = this.options.schemas[event.type](event);
    return problem ? { kind: 'rejected', reason: 'schema-invalid', error: problem } : { kind: 'event', event };
  }

  /** One attempt, one transaction: inbox claim and effect commit together. False: handled before. */
  private async handleOnce(event: ConsumedEvent, handler: EventHandler): Promise<boolean> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      if (!(await this.inbox.claim(client, event.id))) {
        await client.query('rollback');
        return false;
      }
      await handler(event, client);
      await client.query('commit');
      return true;
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async deadLetter(
    message: KafkaMessage,
    origin: MessageOrigin,
    reason: DeadLetterReason,
    error: string,
    attempts: number,
  ): Promise<void> {
    this.logger.error(
      { consumer: this.options.name, reason, error, attempts, ...origin },
      'message sent to the dead-letter topic',
    );
    await sendToDeadLetterTopic(this.producer!, {
      consumer: this.options.name,
      topic: origin.topic,
      partition: origin.partition,
      message,
      reason,
      error,
      attempts,
    });
    this.metrics.deadLettered(origin.topic, reason);
  }
}

/** What a log line about an event carries, so the on-call engineer can follow the fact across services. */
const facts = (event: ConsumedEvent) => ({
  eventId: event.id,
  eventType: event.type,
  siteId: event.metadata.siteId,
  correlationId: event.metadata.correlationId,
});

const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
