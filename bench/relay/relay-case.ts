import { KafkaRelay } from '@alongside/platform/messaging-kafka';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CaseRunner } from '../harness/bench-case';
import { measureRounds, roundsPlan } from '../harness/rounds';
import { benchKafka, deleteTopics, freshTopics } from './bench-kafka';
import { LOG_SCHEMA, RELAY_BATCH, seedRelayLog } from './relay-log';

const quiet = { info: () => undefined, warn: () => undefined, error: console.error, debug: () => undefined };

/**
 * Our relay publishing a whole log to the real broker: from start() until its acknowledged
 * position reaches the log's head. Each round is a new relay (its own checkpoint row and lease)
 * over the same log, to topics of its own.
 */
export const run: CaseRunner = async (context) => {
  const log = await seedRelayLog(context.databaseUrl, context.size(150, 5), context.size(200, 40));
  const kafka = benchKafka(context.brokers);
  const head = await log.head();
  const tag = `relay-${process.pid}`;
  try {
    const outcome = await measureRounds(
      context,
      roundsPlan(context.scale),
      async (round) => ({ round, prefix: await freshTopics(kafka, tag, round, ['sessions']) }),
      async ({ round, prefix }) => {
        const relay = new KafkaRelay({
          name: `bench-${round}`,
          store: log.store,
          logHead: log.head,
          connection: { connectionString: context.databaseUrl },
          schema: LOG_SCHEMA,
          kafka,
          topicPrefix: prefix,
          batchSize: RELAY_BATCH,
          idleMs: 5,
          logger: quiet,
        });
        relay.start();
        while ((relay.status().position ?? 0n) < head) {
          if (relay.status().lastError) throw new Error(`relay failed: ${relay.status().lastError}`);
          await sleep(2);
        }
        await relay.stop();
        return log.events;
      },
    );
    return { unit: 'messages/s', ...outcome, latencyMs: undefined, work: `${log.events} events, log → broker`, details: { batchSize: RELAY_BATCH, acks: -1 } };
  } finally {
    await deleteTopics(kafka, `bench-${tag}`).catch(() => undefined);
    await log.close();
  }
};
