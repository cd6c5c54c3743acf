import { daysBetween } from '@alongside/outcomes/domain';
import { tableOf, type EntityClass } from '@alongside/platform/projections';
import type { EntityManager } from 'typeorm';
import { CohortCellRow } from './cohort-cell-row.entity';
import { CohortDischargeRow } from './cohort-discharge-row.entity';
import type { EpisodeRow } from './episode-row.entity';

/** A cell's key columns and sums, by property name; every sum is a number here. */
type Cell = Record<string, string | boolean | number>;

/** A table of cells (every column not in its key is a sum), and which of its cells an episode is in (none: it adds nothing there). */
type CellTable = { entity: EntityClass; cellOf: (episode: EpisodeRow) => Cell | null };

const cohortOf = (episode: EpisodeRow) => ({
  siteId: episode.siteId,
  admissionMonth: episode.admissionMonth,
  programme: episode.programme,
  levelOfCare: episode.levelOfCare,
  mentored: episode.mentored,
});

const MEASURES: CellTable = {
  entity: CohortCellRow,
  cellOf: (episode) => {
    const discharged = episode.dischargedOn !== null;
    const stay = discharged ? daysBetween(episode.admittedOn, episode.dischargedOn as string) : 0;
    return {
      ...cohortOf(episode),
      episodes: 1,
      active: discharged ? 0 : 1,
      completed: episode.dischargeReason === 'completed' ? 1 : 0,
      stayed90: !discharged || stay >= 90 ? 1 : 0,
      stayDays: discharged ? stay + 1 : 0,
      admittedDays: discharged ? 0 : daysBetween('1970-01-01', episode.admittedOn),
      relapses: episode.relapses,
      lapses: episode.lapses,
      screens: episode.screens,
      positiveScreens: episode.positiveScreens,
    };
  },
};

const DISCHARGES: CellTable = {
  entity: CohortDischargeRow,
  cellOf: (episode) => (episode.dischargedOn === null ? null : { ...cohortOf(episode), dischargeReason: episode.dischargeReason ?? '', episodes: 1 }),
};

const episodeKey = (episode: EpisodeRow) => `${episode.siteId} ${episode.episodeId.toLowerCase()}`;

/**
 * The changes a batch makes to the cohort cells (`CohortCellRow`, `CohortDischargeRow`), worked
 * out from the episodes it changed: each changed episode's cells now, less the cells it was in
 * when the batch loaded it. Written as one upsert per table that adds the differences, so the cells
 * are never read: a batch costs at most two statements a table whatever its size (the add, and the
 * delete of cells left with no episode).
 */
export class CohortCellChanges {
  private readonly before = new Map<string, EpisodeRow>();

  /** The episodes as the batch found them, before any event of it is folded (they change in place). */
  remember(episodes: Iterable<EpisodeRow>): void {
    for (const episode of episodes) this.before.set(episodeKey(episode), { ...episode });
  }

  async flush(tx: EntityManager, changed: Iterable<EpisodeRow>): Promise<void> {
    const episodes = [...changed];
    for (const table of [MEASURES, DISCHARGES]) await this.flushTable(tx, table, episodes);
  }

  private async flushTable(tx: EntityManager, { entity, cellOf }: CellTable, changed: readonly EpisodeRow[]): Promise<void> {
    const metadata = tx.connection.getMetadata(entity);
    const keys = metadata.primaryColumns.map((column) => column.propertyName);
    const sumColumns = metadata.columns.filter((column) => !column.isPrimary);
    const sums = sumColumns.map((column) => column.propertyName);
    const cells = new Map<string, Cell>();
    const add = (cell: Cell | null, sign: 1 | -1) => {
      if (!cell) return;
      const key = JSON.stringify(keys.map((property) => cell[property]));
      const held = cells.get(key) ?? { ...cell, ...Object.fromEntries(sums.map((sum) => [sum, 0])) };
      for (const sum of sums) (held[sum] as number) += sign * (cell[sum] as number);
      cells.set(key, held);
    };
    for (const episode of changed) {
      const before = this.before.get(episodeKey(episode));
      if (before) add(cellOf(before), -1);
      add(cellOf(episode), 1);
    }
    const deltas = [...cells.values()].filter((cell) => sums.some((sum) => cell[sum] !== 0));
    if (deltas.length === 0) return;
    const table = tableOf(tx, entity);
    const json = JSON.stringify(deltas.map((cell) => Object.fromEntries(metadata.columns.map((column) => [column.databaseName, cell[column.propertyName]]))));
    const all = metadata.columns.map((column) => `"${column.databaseName}"`).join(', ');
    const primary = metadata.primaryColumns.map((column) => `"${column.databaseName}"`);
    const added = sumColumns.map((column) => `"${column.databaseName}" = t."${column.databaseName}" + excluded."${column.databaseName}"`);
    await tx.query(
      `insert into ${table} as t (${all}) select ${all} from jsonb_populate_recordset(null::${table}, $1::jsonb)
       on conflict (${primary.join(', ')}) do update set ${added.join(', ')}`,
      [json],
    );
    // Only the cells this batch took episodes from can have fallen to none.
    if (deltas.some((cell) => (cell['episodes'] as number) < 0)) {
      await tx.query(
        `delete from ${table} t where t.episodes = 0
           and (${primary.map((column) => `t.${column}`).join(', ')}) in (select ${primary.join(', ')} from jsonb_populate_recordset(null::${table}, $1::jsonb) where episodes < 0)`,
        [json],
      );
    }
  }
}
