import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, type ServiceConfig } from '@alongside/platform/service-runtime';

export type CheckInNote = Readonly<{ checkInId: string; note: string; shared: boolean }>;

/**
 * The optional line of a check-in. It never goes into an event (events leave the service), so it
 * lives here, keyed by check-in id; the participant reads it, their mentor only when shared.
 */
@Injectable()
export class CheckInNotes implements OnModuleInit {
  private readonly table: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.table = `"${config.context}".companion_check_in_notes`;
  }

  async onModuleInit(): Promise<void> {
    // Replicas start together: the advisory lock keeps two CREATEs from racing on the row type.
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(hashtext('alongside.companion_check_in_notes'))`);
      await tx.query(`create table if not exists ${this.table} (
        site_id text not null, participant_id uuid not null, check_in_id uuid primary key,
        note text not null, shared boolean not null)`);
    });
  }

  /** A repeat of the same check-in keeps the first note. */
  async keep(siteId: string, participantId: string, note: CheckInNote): Promise<void> {
    await this.dataSource.query(`insert into ${this.table} values ($1, $2, $3, $4, $5) on conflict (check_in_id) do nothing`, [
      siteId,
      participantId,
      note.checkInId,
      note.note,
      note.shared,
    ]);
  }

  async of(siteId: string, participantId: string, checkInIds: readonly string[]): Promise<Map<string, CheckInNote>> {
    if (checkInIds.length === 0) return new Map();
    const rows: { check_in_id: string; note: string; shared: boolean }[] = await this.dataSource.query(
      `select check_in_id, note, shared from ${this.table} where site_id = $1 and participant_id = $2 and check_in_id = any($3::uuid[])`,
      [siteId, participantId, checkInIds],
    );
    return new Map(rows.map((r) => [r.check_in_id, { checkInId: r.check_in_id, note: r.note, shared: r.shared }]));
  }
}
