import type { Registry } from 'prom-client';
import { counterIn, gaugeIn } from '../prometheus';
import type { DeadLetterReason } from './dead-letter';

export type MessageOutcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

/** Consumer lag and dead letters (DESIGN §8), per consumer and partition. */
export class ConsumerMetrics {
  private readonly lag;
  private readonly deadLetters;
  private readonly messages;

  constructor(
    registry: Registry,
    private readonly consumer: string,
  ) {
    this.lag = gaugeIn(registry, 'alongside_consumer_lag_messages', 'Messages on the partition after the last one handled', ['consumer', 'topic', 'partition']);
    this.deadLetters = counterIn(registry, 'alongside_consumer_dlq_total', 'Messages sent to a dead-letter topic', ['consumer', 'topic', 'reason']);
    this.messages = counterIn(registry, 'alongside_consumer_messages_total', 'Messages consumed, by outcome', ['consumer', 'topic', 'outcome']);
  }

  passed(topic: string, partition: number, offset: string, highWatermark: string, outcome: MessageOutcome): void {
    const behind = BigInt(highWatermark) - BigInt(offset) - 1n;
    this.lag.set({ consumer: this.consumer, topic, partition: String(partition) }, Number(behind > 0n ? behind : 0n));
    this.messages.inc({ consumer: this.consumer, topic, outcome });
  }

  deadLettered(topic: string, reason: DeadLetterReason): void {
    this.deadLetters.inc({ consumer: this.consumer, topic, reason });
  }
}
