import { sampleEvent } from '@alongside/platform/event-store';
import { NO_STREAM, STREAM_EXISTS, type ResolvedEvent } from '@eventstore/db-client';
import { expectedRevisionOf, firstRevisionOf } from './esdb-expected-revision';
import { walkLogPage, type LogWalk } from './esdb-log-page';
import { esdbMetadataOf, recordedEventOf } from './esdb-recorded-event';

const stored = (commit: bigint, streamId = 'contract.session-north-1', type = 'AttendanceRecorded'): ResolvedEvent => {
  const event = sampleEvent(Number(commit));
  return {
    event: {
      streamId,
      id: event.id,
      isJson: true,
      revision: commit - 1n,
      type,
      created: new Date('2026-03-02T08:30:00.000Z'),
      data: event.data as Record<string, unknown>,
      metadata: esdbMetadataOf(event.metadata),
      position: { commit, prepare: commit },
    },
    commitPosition: commit,
  } as ResolvedEvent;
};

describe('EventStoreDB mapping', () => {
  it("sends our expected versions as NO_STREAM, STREAM_EXISTS or a revision, never ANY", () => {
    expect([expectedRevisionOf('no_stream'), expectedRevisionOf('exists'), expectedRevisionOf(4n)]).toEqual([NO_STREAM, STREAM_EXISTS, 4n]);
  });

  it('knows where a batch would land when the expectation says', () => {
    expect([firstRevisionOf('no_stream'), firstRevisionOf('exists'), firstRevisionOf(4n)]).toEqual([0n, null, 5n]);
  });

  it("keeps ESDB's own correlation keys beside our metadata and drops them on read", () => {
    const event = sampleEvent(1);
    expect(esdbMetadataOf(event.metadata)).toMatchObject({
      $correlationId: event.metadata.correlationId,
      $causationId: event.metadata.causationId,
    });
    expect(recordedEventOf(stored(7n))).toMatchObject({
      streamPosition: 6n,
      globalPosition: 7n,
      recordedAt: '2026-03-02T08:30:00.000Z',
      metadata: expect.not.objectContaining({ $correlationId: expect.anything() }),
    });
  });
});

describe('Walking a page of $all', () => {
  const ours = (streamId: string) => streamId.startsWith('contract.');

  it('skips the event at the position it read from, system events and other services', () => {
    const walk: LogWalk = { events: [], position: 10n };
    const page = [stored(10n), stored(11n), stored(12n, '$stats-127.0.0.1:2113', '$statsCollected'), stored(13n, 'mentoring.match-north-1'), stored(14n)];

    expect(walkLogPage(walk, page, 5, ours)).toBe(false);
    expect(walk.events.map((e) => e.globalPosition)).toEqual([11n, 14n]);
    expect(walk.position).toBe(14n);
  });

  it('moves past what it skipped, so an empty answer still makes progress', () => {
    const walk: LogWalk = { events: [], position: 0n };
    walkLogPage(walk, [stored(3n, '$settings', '$settings'), stored(4n, 'mentoring.match-north-1')], 5, ours);
    expect(walk).toEqual({ events: [], position: 4n });
  });

  it('stops on the last event taken once the limit is reached', () => {
    const walk: LogWalk = { events: [], position: 0n };
    expect(walkLogPage(walk, [stored(1n), stored(2n), stored(3n), stored(4n)], 2, ours)).toBe(true);
    expect(walk.events.map((e) => e.globalPosition)).toEqual([1n, 2n]);
    expect(walk.position).toBe(2n);
  });
});
