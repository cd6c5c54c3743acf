import { tableOf } from '@alongside/platform/projections';
import type { EntityManager } from 'typeorm';
import { CohortCellRow } from './cohort-cell-row.entity';
import type { EpisodeRow } from './episode-row.entity';

const DAY_MS = 86_400_000;
const epochDay = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** What one episode adds to its cohort cell: the cell's key and its sums. */
type Contribution = { key: string; cell: Omit<CohortCellRow, 'stayDays' | 'admittedDays'> & { stayDays: number; admittedDays: number } };

const SUMS = ['episodes', 'stayed90', 'stayDays', 'admittedDays', 'relapses', 'lapses', 'screens', 'positiveScreens'] as const;

const contributionOf = (episode: EpisodeRow): Contribution => {
  const discharged = episode.dischargedOn !== null;
  const stay = discharged ? epochDay(episode.dischargedOn as string) - epochDay(episode.admittedOn) : 0;
  const cell = {
    siteId: episode.siteId,
    admissionMonth: episode.admissionMonth,
    programme: episode.programme,
    levelOfCare: episode.levelOfCare,
    mentored: episode.mentored,
    discharged,
    dischargeReason: episode.dischargeReason ?? '',
    episodes: 1,
    stayed90: !discharged || stay >= 90 ? 1 : 0,
    stayDays: discharged ? stay + 1 : 0,
    admittedDays: discharged ? 0 : epochDay(episode.admittedOn),
    relapses: episode.relapses,
    lapses: episode.lapses,
    screens: episode.screens,
    positiveScreens: episode.positiveScreens,
  };
  const key = JSON.stringify([cell.siteId, cell.admissionMonth, cell.programme, cell.levelOfCare, cell.mentored, cell.discharged, cell.dischargeReason]);
  return { key, cell };
};

const episodeKey = (episode: EpisodeRow) => `${episode.siteId} ${episode.episodeId.toLowerCase()}`;

/**
 * The changes a batch makes to the cohort cells (`CohortCellRow`), worked out from the episodes it
 * changed: each changed episode's contribution now, less what it contributed when the batch loaded
 * it. Written as one upsert that adds the differences, so the cells are never read: a batch costs
 * two statements here whatever its size (the add, and the delete of cells left with no episode).
 */
export class CohortCellChanges {
  private readonly before = new Map<string, Contribution>();

  /** The episodes as the batch found them, before any event of it is folded. */
  remember(episodes: Iterable<EpisodeRow>): void {
    for (const episode of episodes) this.before.set(episodeKey(episode), contributionOf(episode));
  }

  async flush(tx: EntityManager, changed: Iterable<EpisodeRow>): Promise<void> {
    const cells = new Map<string, Contribution['cell']>();
    const add = ({ key, cell }: Contribution, sign: 1 | -1) => {
      const held = cells.get(key) ?? { ...cell, ...Object.fromEntries(SUMS.map((sum) => [sum, 0])) };
      for (const sum of SUMS) held[sum] += sign * cell[sum];
      cells.set(key, held);
    };
    for (const episode of changed) {
      const before = this.before.get(episodeKey(episode));
      if (before) add(before, -1);
      add(contributionOf(episode), 1);
    }
    const deltas = [...cells.values()].filter((cell) => SUMS.some((sum) => cell[sum] !== 0));
    if (deltas.length === 0) return;
    const table = tableOf(tx, CohortCellRow);
    const metadata = tx.connection.getMetadata(CohortCellRow);
    const json = JSON.stringify(deltas.map((cell) => Object.fromEntries(metadata.columns.map((column) => [column.databaseName, cell[column.propertyName as keyof typeof cell]]))));
    const all = metadata.columns.map((column) => `"${column.databaseName}"`).join(', ');
    const keys = metadata.primaryColumns.map((column) => `"${column.databaseName}"`).join(', ');
    const sums = metadata.columns.filter((column) => !column.isPrimary).map((column) => `"${column.databaseName}" = t."${column.databaseName}" + excluded."${column.databaseName}"`);
    await tx.query(
      `insert into ${table} as t (${all}) select ${all} from jsonb_populate_recordset(null::${table}, $1::jsonb)
       on conflict (${keys}) do update set ${sums.join(', ')}`,
      [json],
    );
    // Only the cells this batch took episodes from can have fallen to none.
    if (deltas.some((cell) => cell.episodes < 0)) {
      await tx.query(
        `delete from ${table} t where t.episodes = 0
           and (${keys.split(', ').map((key) => `t.${key}`).join(', ')}) in (select ${keys} from jsonb_populate_recordset(null::${table}, $1::jsonb) where episodes < 0)`,
        [json],
      );
    }
  }
}
