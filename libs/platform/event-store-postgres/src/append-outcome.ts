import { VersionConflict } from '@alongside/platform/event-sourcing';
import { describeVersion, type AppendResult, type ExpectedVersion, type StreamVersion } from '@alongside/platform/event-store';

/** What the store holds of a batch that was not appended as asked. */
export type StoredState = Readonly<{
  version: StreamVersion;
  /** How many of the batch's event ids this stream already holds, and the last one's position. */
  alreadyStored: number;
  lastStored: bigint | null;
}>;

/**
 * A refused append is either a retry of one that already landed (every id is in the stream: a
 * no-op that answers what the first attempt answered) or a real conflict.
 */
export const refusedAppend = (
  stream: string,
  count: number,
  expected: ExpectedVersion,
  stored: StoredState,
): AppendResult => {
  if (stored.alreadyStored === count && stored.lastStored !== null) {
    return { nextExpectedVersion: stored.lastStored, appended: false };
  }
  throw new VersionConflict(stream, describeVersion(expected), describeVersion(stored.version));
};

export const streamVersion = (text: string | null): StreamVersion => (text === null ? 'no_stream' : BigInt(text));
