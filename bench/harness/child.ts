// The child process of one case: a fresh process (no JIT, pool or cache carried over from another
// case) on a fresh database. Started by run-case.ts with the order as its only argument.
import { join } from 'node:path';
import type { CaseRunner } from './bench-case';
import type { ChildMessage, ChildOrder } from './child-protocol';
import { createFreshDatabase } from './fresh-database';

const tell = (message: ChildMessage): Promise<void> =>
  new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error('a bench case runs as a child of bench/run.ts (it needs the IPC channel)'));
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });

const main = async (): Promise<void> => {
  const order: ChildOrder = JSON.parse(process.argv[2]);
  const database = await createFreshDatabase(order.adminUrl, order.database);
  try {
    // require, not import(): the case is TypeScript, which only the require hook (swc) compiles.
    const { run }: { run: CaseRunner } = require(join(__dirname, '..', order.module));
    const result = await run({
      scale: order.scale,
      args: order.args,
      databaseUrl: database.url,
      brokers: order.brokers,
      size: (full, tiny) => (order.scale === 'full' ? full : tiny),
      turn: async () => {
        const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
        await tell({ kind: 'ready' });
        await go;
      },
      roundDone: () => void tell({ kind: 'round' }),
    });
    await tell({ kind: 'result', result });
  } finally {
    await database.drop();
  }
};

main().then(
  () => process.exit(0),
  async (error: Error) => {
    await tell({ kind: 'failed', error: error.stack ?? String(error) }).catch(() => undefined);
    process.exit(1);
  },
);
