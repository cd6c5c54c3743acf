import type { EventStore, ReadAllResult } from '@alongside/platform/event-store';

/** After a guess turned out wrong, read one batch at a time for this many batches. */
const CAUTIOUS_BATCHES = 16;

/**
 * Reads the log in order, with several batches in flight. A read can only start where the previous
 * batch ended, which is unknown until it returns, so the next reads are started on a guess: that
 * the previous batch comes back full and its positions have no gaps (true of a Postgres log,
 * where a gap needs an append rolled back after taking its positions). A batch read on a guess is
 * used only if the guess held; otherwise it is dropped and reading goes on from where the log
 * really is. A log whose positions are never dense just loses the guessed reads, and after a
 * wrong guess the reader stays cautious for a while.
 */
export class ReadAhead {
  private readonly inFlight: { after: bigint; read: Promise<ReadAllResult> }[] = [];
  private readonly unsettled = new Set<Promise<unknown>>();
  private position: bigint;
  private cautiousFor = 0;
  /**
   * Guesses only pay while the log is behind, i.e. after a full batch. A live projection makes a
   * reader per poll, and most polls find a few events or none: one read each, not `depth`.
   */
  private behind = false;

  constructor(
    private readonly store: EventStore,
    after: bigint,
    private readonly batchSize: number,
    /** Reads in flight at once (1: no guessing). */
    private readonly depth: number,
  ) {
    this.position = after;
  }

  /** The next batch of the log after the last one returned; an empty one when caught up. */
  async next(): Promise<ReadAllResult> {
    if (this.inFlight.length === 0) this.start(this.position);
    const wanted = this.cautiousFor > 0 || !this.behind ? 1 : this.depth;
    while (this.inFlight.length < wanted) {
      this.start(this.inFlight[this.inFlight.length - 1].after + BigInt(this.batchSize));
    }
    const { after, read } = this.inFlight.shift()!;
    const batch = await read;
    const full = batch.events.length >= this.batchSize;
    this.behind = full;
    const guessHeld = full && batch.position === after + BigInt(this.batchSize);
    if (!guessHeld) {
      this.dropGuesses();
      if (full) this.cautiousFor = CAUTIOUS_BATCHES;
    }
    if (this.cautiousFor > 0) this.cautiousFor--;
    this.position = batch.position;
    return batch;
  }

  /**
   * Abandons the reads in flight and waits for them to settle, so that nothing is left running
   * on the store's connections once the caller has stopped.
   */
  async close(): Promise<void> {
    this.dropGuesses();
    await Promise.allSettled(this.unsettled);
  }

  private start(after: bigint): void {
    const read = this.store.readAll({ after, limit: this.batchSize });
    const settled = read.then(
      () => undefined,
      () => undefined, // a dropped read's failure is nobody's concern; a used one is awaited
    );
    this.unsettled.add(settled);
    void settled.then(() => this.unsettled.delete(settled));
    this.inFlight.push({ after, read });
  }

  private dropGuesses(): void {
    this.inFlight.length = 0;
  }
}
