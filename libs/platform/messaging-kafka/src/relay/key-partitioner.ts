import type { ICustomPartitioner } from 'kafkajs';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/**
 * Kafka's murmur2 (the Java client's, which kafkajs's default partitioner also follows) in 32-bit
 * integer arithmetic: the same hash, without kafkajs's 64-bit Long objects, which cost the relay
 * several per message.
 */
export const murmur2 = (key: Buffer): number => {
  const length = key.length;
  let h = (SEED ^ length) | 0;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = key[i] | (key[i + 1] << 8) | (key[i + 2] << 16) | (key[i + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const tail = length & 3;
  if (tail > 0) {
    if (tail === 3) h ^= key[whole + 2] << 16;
    if (tail >= 2) h ^= key[whole + 1] << 8;
    h ^= key[whole];
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
};

/**
 * Puts a keyed message where Java producers and kafkajs's default partitioner put it:
 * `(murmur2(key) & 0x7fffffff) % partitions`. Every relay message has a key (its stream), so there
 * is no round-robin case; a message that names its partition keeps it.
 */
export const KeyPartitioner: ICustomPartitioner = () => ({ partitionMetadata, message }) => {
  if (message.partition !== undefined && message.partition !== null) return message.partition;
  const key = Buffer.isBuffer(message.key) ? message.key : Buffer.from(String(message.key));
  return (murmur2(key) & 0x7fffffff) % partitionMetadata.length;
};
