import { Injectable } from '@nestjs/common';
import { ActiveProjections } from '@alongside/platform/projections';
import { SESSIONS_VIEWS } from '@alongside/sessions/read-models';
import { DataSource } from 'typeorm';

export type SessionsTable = 'group' | 'member' | 'session' | 'attendance';

/** The tables of the active version of the sessions views (blue-green: the version can change under us). */
@Injectable()
export class SessionsTables {
  private readonly active: ActiveProjections;

  constructor(readonly dataSource: DataSource) {
    this.active = new ActiveProjections(dataSource);
  }

  /** `{ group: 'sessions_group_v1', … }`, or null until the projection has caught up once. */
  async tables<T extends SessionsTable>(...names: T[]): Promise<Record<T, string> | null> {
    const found = await Promise.all(names.map((n) => this.active.table(SESSIONS_VIEWS, `sessions_${n}`)));
    if (found.some((t) => t === null)) return null;
    return Object.fromEntries(names.map((n, i) => [n, found[i]])) as Record<T, string>;
  }
}
