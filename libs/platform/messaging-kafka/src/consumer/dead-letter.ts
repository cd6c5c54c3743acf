import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { deadLetterTopic } from '../topics';

/** Why a message was parked: the first two are never retried, the last after bounded retries. */
export type DeadLetterReason = 'unreadable' | 'schema-invalid' | 'handler-failed';

export const DeadLetterHeaders = {
  error: 'dlq-error',
  reason: 'dlq-reason',
  attempts: 'dlq-attempts',
  originalOffset: 'dlq-original-offset',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  consumer: 'dlq-consumer',
} as const;

export type DeadLetter = Readonly<{
  consumer: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: DeadLetterReason;
  error: string;
  attempts: number;
}>;

/**
 * Parks the message on `<topic>.dlq` exactly as it came (key, value, headers) plus why, so it can
 * be inspected and replayed onto the topic once the cause is fixed. Acks -1: the consumer moves
 * past the message only once the dead letter is safely stored.
 */
export const sendToDeadLetterTopic = async (producer: Producer, letter: DeadLetter): Promise<void> => {
  const headers: IHeaders = {
    ...letter.message.headers,
    [DeadLetterHeaders.error]: letter.error.slice(0, 2_000),
    [DeadLetterHeaders.reason]: letter.reason,
    [DeadLetterHeaders.attempts]: String(letter.attempts),
    [DeadLetterHeaders.originalOffset]: letter.message.offset,
    [DeadLetterHeaders.originalTopic]: letter.topic,
    [DeadLetterHeaders.originalPartition]: String(letter.partition),
    [DeadLetterHeaders.consumer]: letter.consumer,
  };
  await producer.send({
    topic: deadLetterTopic(letter.topic),
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
};
