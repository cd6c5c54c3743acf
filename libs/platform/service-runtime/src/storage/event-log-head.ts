import type { LogHead } from '@alongside/platform/projections';
import type { DataSource } from 'typeorm';

/**
 * Where a service's Postgres event log ends (`<schema>.events`), for the relay's and the
 * projections' lag: the store port reads the log but does not say where it ends.
 */
export const eventLogHead =
  (dataSource: DataSource, schema: string): LogHead =>
  async () => {
    const [{ head }] = (await dataSource.query(
      `select coalesce(max(global_position), 0)::text as head from "${schema}".events`,
    )) as { head: string }[];
    return BigInt(head);
  };
