import { emmett } from './emmett';
import { guardedPg } from './guarded-pg';
import { ours } from './ours';
import { rawPg } from './raw-pg';
import type { StoreSubject, StoreSubjectName } from './store-subject';

export type { StoreSubject, StoreSubjectName } from './store-subject';

export const connectSubject = (name: StoreSubjectName, databaseUrl: string): Promise<StoreSubject> =>
  name === 'ours' ? ours(databaseUrl) : name === 'emmett' ? emmett(databaseUrl) : name === 'pg-guarded' ? guardedPg(databaseUrl) : rawPg(databaseUrl, name);
