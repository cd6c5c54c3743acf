// One starter at a time. Several jest runs (and `npm start`) share this checkout's servers; without
// this, two of them finding no server would both launch one, and the loser's pid file and stop
// would point at the wrong process. Whoever waits for the lock then finds the server running.
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from './paths';
import { isAlive } from './terminate';

const holderOf = (lock: string): number | undefined => {
  try {
    return Number(fs.readFileSync(lock, 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
};

const tryAcquire = (lock: string): boolean => {
  try {
    fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = holderOf(lock);
    // A starter that was killed leaves its lock behind; its pid is then dead. (A holder that has only
    // just created the file and not yet written its pid reads as undefined: wait for it.)
    if (holder !== undefined && !isAlive(holder)) fs.rmSync(lock, { force: true });
    return false;
  }
};

/** Runs `start` holding `.data/<name>.start.lock`. Generous timeout: a first Kafka start fetches jars. */
export const withStartLock = async <T>(
  name: string,
  start: () => Promise<T>,
  timeoutMs = 600_000,
): Promise<T> => {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, `${name}.start.lock`);
  const deadline = Date.now() + timeoutMs;
  while (!tryAcquire(lock)) {
    if (Date.now() >= deadline)
      throw new Error(`Timed out waiting for pid ${holderOf(lock)} to finish starting ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    return await start();
  } finally {
    fs.rmSync(lock, { force: true });
  }
};
