import { Client, type ClientConfig } from 'pg';
import type { Logger } from '../logger';
import { pause } from '@alongside/platform/event-store';

/**
 * One active relay per context: whoever holds a Postgres advisory lock publishes. The lock lives
 * on a connection of its own, so it is released by Postgres the moment the holder's process dies
 * (its socket closes) and a waiting replica takes over; no expiry to tune, no clock to trust.
 */
export class RelayLease {
  private readonly lostController = new AbortController();

  private constructor(
    private readonly client: Client,
    readonly key: string,
  ) {
    const lose = (why: string) => () => this.lostController.abort(new Error(`lease connection ${why}`));
    client.on('error', lose('failed'));
    client.on('end', lose('ended'));
  }

  /** Aborts when the lease's connection fails: stop publishing, then try to acquire it again. */
  get lost(): AbortSignal {
    return this.lostController.signal;
  }

  /**
   * Waits until the lock is ours (polling, so that a waiting replica still stops promptly), or
   * returns null when the signal aborts first.
   */
  static async acquire(options: {
    connection: ClientConfig;
    key: string;
    retryMs: number;
    signal: AbortSignal;
    logger: Logger;
    onConnected?: () => void;
  }): Promise<RelayLease | null> {
    const client = new Client({ ...options.connection, keepAlive: true });
    client.on('error', () => undefined); // reported through `lost` once we hold the lease
    await client.connect();
    options.onConnected?.();
    let waiting = false;
    try {
      while (!options.signal.aborted) {
        const { rows } = await client.query<{ acquired: boolean }>(
          // 64 bits of md5: the lock space is shared by the whole database, a 32-bit hash would collide sooner.
          `select pg_try_advisory_lock(('x' || substr(md5($1), 1, 16))::bit(64)::bigint) as acquired`,
          [options.key],
        );
        if (rows[0].acquired) {
          if (waiting) options.logger.info({ lease: options.key }, 'lease taken over');
          return new RelayLease(client, options.key);
        }
        if (!waiting) options.logger.info({ lease: options.key }, 'another replica holds the lease; waiting');
        waiting = true;
        await pause(options.retryMs, options.signal);
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    await client.end().catch(() => undefined);
    return null;
  }

  /** Closing the connection releases the lock (and is all that is needed if it already died). */
  async release(): Promise<void> {
    this.lostController.abort(new Error('lease released'));
    await this.client.end().catch(() => undefined);
  }
}
