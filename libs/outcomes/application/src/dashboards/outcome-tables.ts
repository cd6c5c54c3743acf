import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { OUTCOME_VIEWS } from '@alongside/outcomes/read-models';
import { ActiveProjections } from '@alongside/platform/projections';

export type OutcomeTable =
  | 'outcome_episode'
  | 'outcome_session_attendance'
  | 'outcome_mentor_match'
  | 'outcome_instrument_change'
  | 'outcome_safety_alert'
  | 'outcome_reintegration'
  | 'outcome_site'
  | 'outcome_cohort_cell'
  | 'outcome_cohort_discharge';

/** What a view reads through: the live tables, and SQL against them. */
export type OutcomeReader = Pick<OutcomeTables, 'tables' | 'query'>;

/**
 * Reads go to the tables of the projection version that is live (blue-green): a rebuild of a new
 * version never shows half-built figures. Until one version has caught up, the views answer 503.
 */
@Injectable()
export class OutcomeTables {
  constructor(
    private readonly active: ActiveProjections,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async tables<T extends OutcomeTable>(...names: T[]): Promise<Record<T, string>> {
    // Asked once for all the names, which then find the live version remembered (a look-up per name
    // would each go to the database whenever the remembered version has just expired).
    await this.active.version(OUTCOME_VIEWS);
    const entries = await Promise.all(names.map(async (name) => [name, await this.active.table(OUTCOME_VIEWS, name)] as const));
    if (entries.some(([, table]) => table === null)) {
      throw new ServiceUnavailableException('The outcome views are still being built; try again in a moment.');
    }
    return Object.fromEntries(entries) as Record<T, string>;
  }

  query<R>(sql: string, params: unknown[]): Promise<R[]> {
    return this.dataSource.query(sql, params);
  }

  /**
   * Runs a view's queries in one read-only snapshot, so that its figures agree with each other
   * even while the projection commits between them (a census and a curve from the same moment).
   */
  snapshot<T>(work: (reader: OutcomeReader) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx: EntityManager) => {
      await tx.query('set transaction read only');
      return work({ tables: (...names) => this.tables(...names), query: (sql, params) => tx.query(sql, params) });
    });
  }
}
