import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RiskSignalReason } from '@alongside/mentoring/domain';
import { SERVICE_CONFIG, type ServiceConfig } from '@alongside/platform/service-runtime';

/** The consumer's transaction, or the data source outside one (the sweeper). */
export type Queryable = Readonly<{ query: (sql: string, params: unknown[]) => Promise<unknown> }>;

export type CompanionSignalKind = RiskSignalReason | 'contact-requested';

export type CompanionSignal = Readonly<{
  signalId: string;
  participantId: string;
  kind: CompanionSignalKind;
  onDay: string;
  raisedAt: string;
  explanation: string;
}>;

/**
 * What a mentor's caseload shows from the companion app: risk flags and requests for contact, and the
 * last check-in day of each participant (for the quiet-week sweep). Written in the consumer's inbox
 * transaction, so a redelivered message changes nothing twice.
 */
@Injectable()
export class CompanionSignals implements OnModuleInit {
  private readonly signals: string;
  private readonly lastCheckIns: string;

  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.signals = `"${config.context}".companion_signals`;
    this.lastCheckIns = `"${config.context}".companion_last_check_ins`;
  }

  async onModuleInit(): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(hashtext('alongside.mentoring.companion_signals'))`);
      await tx.query(`create table if not exists ${this.signals} (
        signal_id uuid primary key, site_id text not null, participant_id uuid not null, kind text not null,
        on_day date not null, raised_at timestamptz not null, explanation text not null)`);
      await tx.query(`create index if not exists companion_signals_by_participant on ${this.signals} (site_id, participant_id, raised_at desc)`);
      await tx.query(`create table if not exists ${this.lastCheckIns} (
        site_id text not null, participant_id uuid not null, last_day date not null, primary key (site_id, participant_id))`);
    });
  }

  async add(tx: Queryable, siteId: string, signal: CompanionSignal): Promise<void> {
    await tx.query(`insert into ${this.signals} values ($1, $2, $3, $4, $5, $6, $7) on conflict (signal_id) do nothing`, [
      signal.signalId,
      siteId,
      signal.participantId,
      signal.kind,
      signal.onDay,
      signal.raisedAt,
      signal.explanation,
    ]);
  }

  async checkedIn(tx: Queryable, siteId: string, participantId: string, day: string): Promise<void> {
    await tx.query(
      `insert into ${this.lastCheckIns} values ($1, $2, $3)
       on conflict (site_id, participant_id) do update set last_day = greatest(${this.lastCheckIns}.last_day, excluded.last_day)`,
      [siteId, participantId, day],
    );
  }

  /** Participants whose last check-in was at least `days` before `today` (candidates for a quiet-week flag). */
  async quietSince(today: string, days: number): Promise<{ siteId: string; participantId: string }[]> {
    const rows: { site_id: string; participant_id: string }[] = await this.dataSource.query(
      `select site_id, participant_id from ${this.lastCheckIns} where last_day <= $1::date - $2::int`,
      [today, days],
    );
    return rows.map((r) => ({ siteId: r.site_id, participantId: r.participant_id }));
  }

  async ofParticipant(siteId: string, participantId: string, limit = 50): Promise<CompanionSignal[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `select signal_id, participant_id, kind, to_char(on_day, 'YYYY-MM-DD') as on_day, raised_at, explanation from ${this.signals}
       where site_id = $1 and participant_id = $2 order by raised_at desc limit $3`,
      [siteId, participantId, limit],
    );
    return rows.map((r) => ({
      signalId: String(r['signal_id']),
      participantId: String(r['participant_id']),
      kind: r['kind'] as CompanionSignalKind,
      onDay: String(r['on_day']),
      raisedAt: new Date(r['raised_at'] as string).toISOString(),
      explanation: String(r['explanation']),
    }));
  }
}
