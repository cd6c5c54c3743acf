import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits (untimed) until a reader of the global log sees `total` events. Log readers stop below the
 * oldest transaction still running anywhere on the server (pg_snapshot_xmin is cluster-wide), so
 * on a shared Postgres another database's long transaction holds freshly seeded events back.
 */
export const waitForVisibleLog = async (countVisible: () => Promise<number>, total: number, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const visible = await countVisible();
    if (visible >= total) return;
    if (Date.now() > deadline) throw new Error(`only ${visible} of ${total} seeded events became visible to log readers in ${timeoutMs} ms`);
    await sleep(50);
  }
};
