import { ProjectionRunner } from '@alongside/platform/projections';
import { DataSource } from 'typeorm';
import type { CaseRunner } from '../harness/bench-case';
import { measureRounds, roundsPlan } from '../harness/rounds';
import { seedRelayLog } from '../relay/relay-log';
import { AttendanceByParticipantV1, attendanceProjection } from './attendance-projection';

const quiet = { info: () => undefined, warn: () => undefined, error: console.error, debug: () => undefined };

/**
 * A projection rebuilt from the whole log with the runner, from start() until caught up. Each
 * round rebuilds into a fresh read-model schema (its own checkpoints), so every round is a rebuild
 * from position 0.
 */
export const run: CaseRunner = async (context) => {
  const log = await seedRelayLog(context.databaseUrl, context.size(150, 5), context.size(200, 40));
  const dataSources: DataSource[] = [];
  try {
    const outcome = await measureRounds(
      context,
      roundsPlan(context.scale),
      async (round) => {
        const schema = `read_models_${round}`;
        const dataSource = new DataSource({
          type: 'postgres',
          url: context.databaseUrl,
          schema,
          entities: [AttendanceByParticipantV1],
          extra: { max: 4 },
        });
        await dataSource.initialize();
        await dataSource.query(`create schema if not exists "${schema}"`);
        dataSources.push(dataSource);
        return new ProjectionRunner({ dataSource, store: log.store, logHead: log.head, projections: [attendanceProjection], logger: quiet });
      },
      async (runner) => {
        await runner.start();
        await runner.caughtUp();
        await runner.stop();
        return log.events;
      },
    );
    return { unit: 'events/s', ...outcome, latencyMs: undefined, work: `rebuild from ${log.events} events`, details: { batchSize: 'runner default' } };
  } finally {
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
    await log.close();
  }
};
