import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { outcomesEventExamples, type OutcomesEvent } from '@alongside/outcomes/contracts';
import type { RecordedEvent, SiteId } from '@alongside/platform/event-sourcing';
import { tableOf } from '@alongside/platform/projections';
import { createTestDatabase } from '@alongside/platform/testing';
import { OUTCOME_VIEW_ENTITIES, outcomeViewsProjection } from '../outcome-views.projection';

/** The contract's example of `type` with some of its data replaced: every other field stays a valid value. */
export const like = <T extends OutcomesEvent['type']>(type: T, data: Partial<Extract<OutcomesEvent, { type: T }>['data']>): OutcomesEvent =>
  ({ ...outcomesEventExamples[type], data: { ...outcomesEventExamples[type].data, ...data } }) as OutcomesEvent;

/** Events as the store would hand them to the projection, each at the site its index names, in log order. */
export const recordedLog = (events: readonly { event: OutcomesEvent; site: number }[], sites: readonly SiteId[]): RecordedEvent[] =>
  events.map(({ event, site }, index) => ({
    ...event,
    id: randomUUID(),
    metadata: { siteId: sites[site], schemaVersion: 1, correlationId: 'c', causationId: 'c', actor: { sub: 'x', role: 'clinician' }, occurredAt: '2026-05-01T10:00:00Z' },
    streamId: `outcomes.test-${index}`,
    streamPosition: 0n,
    globalPosition: BigInt(index + 1),
    recordedAt: '2026-05-01T10:00:00Z',
  })) as RecordedEvent[];

/** Applies the log to the outcome views in batches of the sizes `cuts` gives in turn, a transaction each. */
export const applyInBatches = async (dataSource: DataSource, log: readonly RecordedEvent[], cuts: readonly number[]): Promise<void> => {
  for (let from = 0, i = 0; from < log.length; i++) {
    const to = Math.min(log.length, from + cuts[i % cuts.length]);
    await dataSource.transaction((tx) => outcomeViewsProjection.apply(log.slice(from, to), tx));
    from = to;
  }
};

/** Every outcome view table emptied, for the next history. */
export const emptyViews = async (dataSource: DataSource): Promise<void> => {
  await dataSource.query(`truncate ${OUTCOME_VIEW_ENTITIES.map((entity) => tableOf(dataSource.manager, entity)).join(', ')}`);
};

/** The tables of this schema's outcome views by their names without the version (`outcome_episode`…). */
export const viewTables = async <T extends string>(dataSource: DataSource, names: readonly T[]): Promise<Record<T, string>> =>
  Object.fromEntries(
    names.map((name) => {
      const entity = OUTCOME_VIEW_ENTITIES.find((candidate) => dataSource.getMetadata(candidate).tableName.replace(/_v\d+$/, '') === name);
      if (!entity) throw new Error(`No outcome view table is called ${name}`);
      return [name, tableOf(dataSource.manager, entity)];
    }),
  ) as Record<T, string>;

/** A database of a spec's own holding the outcome views' tables (in `public`), and how to drop it. */
export const openViewsDatabase = async (name: string): Promise<{ dataSource: DataSource; close: () => Promise<void> }> => {
  const database = await createTestDatabase(name);
  const dataSource = new DataSource({ type: 'postgres', url: database.url, entities: [...OUTCOME_VIEW_ENTITIES], synchronize: true });
  await dataSource.initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
};
