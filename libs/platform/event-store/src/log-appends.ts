import { pause } from './pause';

/**
 * A store that tells when this process has committed an append to it (the service runtime's
 * does). The EventStore port does not say so; a follower of the log asks the store it was given.
 */
export type AnnouncesAppends = Readonly<{
  /** Calls the listener after each committed append; returns how to stop listening. */
  onAppend(listener: () => void): () => void;
}>;

export const announcesAppends = (store: object): store is AnnouncesAppends =>
  typeof (store as Partial<AnnouncesAppends>).onAppend === 'function';

/**
 * The wait of a follower that has read the log to its end: `idleMs`, or less when this process
 * appends meanwhile, so that what a command just committed is read now and not at the next poll.
 * An append heard while the log was being read counts too: it may have committed after the last
 * read. The poll stays, for appends by other processes and for a store that does not announce.
 */
export class IdleWait {
  private heard = false;
  private wake: (() => void) | undefined;
  private readonly stopListening: () => void;

  constructor(store: object) {
    this.stopListening = announcesAppends(store)
      ? store.onAppend(() => {
          this.heard = true;
          this.wake?.();
        })
      : () => undefined;
  }

  /** Before reading the log: whatever was appended until now, that read sees. */
  reading(): void {
    this.heard = false;
  }

  async idle(ms: number, ...signals: AbortSignal[]): Promise<void> {
    if (this.heard) return;
    const woken = new AbortController();
    this.wake = () => woken.abort();
    try {
      await pause(ms, ...signals, woken.signal);
    } finally {
      this.wake = undefined;
    }
  }

  close(): void {
    this.stopListening();
  }
}
