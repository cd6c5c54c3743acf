import { Injectable } from '@nestjs/common';
import { ActiveProjections } from '@alongside/platform/projections';
import { MENTORING_VIEWS } from '@alongside/mentoring/read-models';
import { DataSource } from 'typeorm';

export type MentoringTable = 'mentor' | 'match' | 'contact' | 'referral' | 'escalation' | 'resource';

/** The tables of the active version of the mentoring views (blue-green: the version can change under us). */
@Injectable()
export class MentoringTables {
  private readonly active: ActiveProjections;

  constructor(readonly dataSource: DataSource) {
    this.active = new ActiveProjections(dataSource);
  }

  /** Null until the projection has caught up once: readers then see nothing yet. */
  table(name: MentoringTable): Promise<string | null> {
    return this.active.table(MENTORING_VIEWS, `mentoring_${name}`);
  }

  async query<T>(name: MentoringTable, sql: (table: string) => string, parameters: unknown[]): Promise<T[]> {
    const table = await this.table(name);
    if (table === null) return [];
    return this.dataSource.query(sql(table), parameters);
  }
}
