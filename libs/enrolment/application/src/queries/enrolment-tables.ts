import { Injectable } from '@nestjs/common';
import { ActiveProjections } from '@alongside/platform/projections';
import { ENROLMENT_VIEWS } from '@alongside/enrolment/read-models';
import { DataSource } from 'typeorm';

export type EnrolmentTable = 'site' | 'participant' | 'episode' | 'consent' | 'transfer';

/** The tables of the active version of the enrolment views (blue-green: the version may change under us). */
@Injectable()
export class EnrolmentTables {
  private readonly active: ActiveProjections;

  constructor(readonly dataSource: DataSource) {
    this.active = new ActiveProjections(dataSource);
  }

  /** Null until the projection has caught up once: readers then see nothing yet. */
  table(name: EnrolmentTable): Promise<string | null> {
    return this.active.table(ENROLMENT_VIEWS, `enrolment_${name}`);
  }

  async query<T>(name: EnrolmentTable, sql: (table: string) => string, parameters: unknown[]): Promise<T[]> {
    const table = await this.table(name);
    if (table === null) return [];
    return this.dataSource.query(sql(table), parameters);
  }
}

export const instant = (value: Date | string): string => new Date(value).toISOString();

export const iso = (value: Date | string | null): string | null => (value === null ? null : instant(value));
