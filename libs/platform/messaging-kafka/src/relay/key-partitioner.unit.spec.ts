import fc from 'fast-check';
import type { PartitionMetadata } from 'kafkajs';
import { KeyPartitioner, murmur2 } from './key-partitioner';

// kafkajs's own murmur2, the reference: a stream's events must land where any Kafka producer would put them.
const kafkajsMurmur2: (key: Buffer | string) => number = require('kafkajs/src/producer/partitioners/default/murmur2');

describe('Key partitioner', () => {
  it('hashes like kafkajs and the Java client', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 90 }), (bytes) => {
        const key = Buffer.from(bytes);
        expect(murmur2(key)).toBe(kafkajsMurmur2(key));
      }),
      { numRuns: 2_000 },
    );
  });

  it('matches known Java values', () => {
    // From Kafka's UtilsTest.testMurmur2.
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
    expect(murmur2(Buffer.from('foobar'))).toBe(-790332482);
    expect(murmur2(Buffer.from('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(Buffer.from('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(Buffer.from([97, 98, 99]))).toBe(479470107);
  });

  it('puts a stream on the partition the default partitioner would', () => {
    const partitionOf = KeyPartitioner();
    const partitionMetadata = Array.from({ length: 6 }, (_, partitionId) => ({ partitionId, leader: 1 }) as PartitionMetadata);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (stream) => {
        const expected = (kafkajsMurmur2(Buffer.from(stream)) & 0x7fffffff) % 6;
        expect(partitionOf({ topic: 't', partitionMetadata, message: { key: stream, value: null } })).toBe(expected);
      }),
    );
  });
});
