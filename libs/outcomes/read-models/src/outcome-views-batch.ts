import type { EntityManager } from 'typeorm';
import type { OutcomesEvent } from '@alongside/outcomes/contracts';
import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import { AttendanceRow } from './attendance-row.entity';
import { CohortCellChanges } from './cohort-cells';
import { EpisodeRow } from './episode-row.entity';
import { InstrumentChangeRow } from './instrument-change-row.entity';
import { MentorMatchRow } from './mentor-match-row.entity';
import { OutcomeFactRow } from './outcome-fact-row.entity';
import { ParticipantSobrietyRow } from './participant-sobriety-row.entity';
import { ReintegrationRow } from './reintegration-row.entity';
import { RowSet } from './row-set';
import { SafetyAlertRow } from './safety-alert-row.entity';
import { SessionAttendanceRow } from './session-attendance-row.entity';
import { SiteViewRow } from './site-view-row.entity';

/** The id of a fact counted once (`OutcomeFactRow`), by event type. */
export const FACT_OF: Partial<Record<OutcomesEvent['type'], (data: never) => string>> = {
  MentorContactRecorded: (data: { contactId: string }) => data.contactId,
  AssessmentRecorded: (data: { assessmentId: string }) => data.assessmentId,
  DrugScreenRecorded: (data: { screenId: string }) => data.screenId,
  RelapseRecorded: (data: { relapseId: string }) => data.relapseId,
  LapseRecorded: (data: { lapseId: string }) => data.lapseId,
  ReadmissionRecorded: (data: { readmissionId: string }) => data.readmissionId,
  EmergencyVisitRecorded: (data: { visitId: string }) => data.visitId,
};

const participantKey = (siteId: string, participantId: string) => `${siteId} ${participantId.toLowerCase()}`;

/** Episodes and matches are asked for by participant, once per counted fact: indexed, not scanned. */
const indexByParticipant = <T extends { siteId: string; participantId: string }>(index: Map<string, T[]>, rows: Iterable<T>) => {
  for (const row of rows) {
    const key = participantKey(row.siteId, row.participantId);
    const list = index.get(key);
    if (list) list.push(row);
    else index.set(key, [row]);
  }
};

/**
 * Every row of the outcome views that a batch can read or change, loaded with one statement per
 * table before the batch is folded (`foldOutcomeEvent`) and written back with one upsert per table
 * after it. A row changed by an earlier event of the batch is the one a later event sees, exactly
 * as when each event ran its own statements.
 */
export class OutcomeViewsBatch {
  readonly episodes: RowSet<EpisodeRow>;
  readonly attendance: RowSet<AttendanceRow>;
  readonly sessions: RowSet<SessionAttendanceRow>;
  readonly matches: RowSet<MentorMatchRow>;
  readonly instruments: RowSet<InstrumentChangeRow>;
  readonly alerts: RowSet<SafetyAlertRow>;
  readonly reintegration: RowSet<ReintegrationRow>;
  readonly sites: RowSet<SiteViewRow>;
  readonly sobriety: RowSet<ParticipantSobrietyRow>;
  readonly facts: RowSet<OutcomeFactRow>;
  private readonly cells = new CohortCellChanges();
  private readonly episodeIndex = new Map<string, EpisodeRow[]>();
  private readonly matchIndex = new Map<string, MentorMatchRow[]>();

  constructor(private readonly tx: EntityManager) {
    this.episodes = new RowSet(tx, EpisodeRow);
    this.attendance = new RowSet(tx, AttendanceRow);
    this.sessions = new RowSet(tx, SessionAttendanceRow);
    this.matches = new RowSet(tx, MentorMatchRow);
    this.instruments = new RowSet(tx, InstrumentChangeRow);
    this.alerts = new RowSet(tx, SafetyAlertRow);
    this.reintegration = new RowSet(tx, ReintegrationRow);
    this.sites = new RowSet(tx, SiteViewRow);
    this.sobriety = new RowSet(tx, ParticipantSobrietyRow);
    this.facts = new RowSet(tx, OutcomeFactRow);
  }

  /**
   * Loads what the events can touch: a participant's episodes and matches (the latest episode and
   * "has an open match" are asked by participant), and the other tables by their keys.
   */
  async load(events: readonly RecordedEvent[]): Promise<void> {
    const participants = new Map<string, { siteId: string; participantId: string }>();
    const attendance: Partial<AttendanceRow>[] = [];
    const sessions: Partial<SessionAttendanceRow>[] = [];
    const instruments: Partial<InstrumentChangeRow>[] = [];
    const alerts: Partial<SafetyAlertRow>[] = [];
    const matches: Partial<MentorMatchRow>[] = [];
    const episodes: Partial<EpisodeRow>[] = [];
    const facts: Partial<OutcomeFactRow>[] = [];
    const sites = new Map<string, Partial<SiteViewRow>>();
    for (const recorded of events) {
      const siteId = recorded.metadata.siteId;
      const event = recorded as unknown as OutcomesEvent;
      const data = event.data as { participantId?: string; alertId?: string; matchId?: string; episodeId?: string };
      sites.set(siteId, { siteId });
      if (data.participantId) participants.set(`${siteId} ${data.participantId.toLowerCase()}`, { siteId, participantId: data.participantId });
      if (data.alertId) alerts.push({ siteId, alertId: data.alertId });
      if (data.episodeId) episodes.push({ siteId, episodeId: data.episodeId });
      if (data.matchId) matches.push({ siteId, matchId: data.matchId });
      const factOf = FACT_OF[event.type] as ((data: unknown) => string) | undefined;
      if (factOf) facts.push({ siteId, factId: factOf(event.data) });
      if (event.type === 'SessionAttendanceRecorded' || event.type === 'SessionAttendanceCorrected') {
        attendance.push({ siteId, sessionId: event.data.sessionId, participantId: event.data.participantId });
        sessions.push({ siteId, heldOn: event.data.heldOn, groupKind: event.data.groupKind, sessionId: event.data.sessionId });
      }
      if (event.type === 'AssessmentRecorded') instruments.push({ siteId, participantId: event.data.participantId, instrument: event.data.instrument });
    }
    const byParticipant = [...participants.values()];
    // In sequence: one transaction is one connection, and its statements queue anyway.
    await this.episodes.load(byParticipant, ['siteId', 'participantId']);
    await this.episodes.load(episodes);
    this.cells.remember(this.episodes.values());
    await this.matches.load(byParticipant, ['siteId', 'participantId']);
    await this.matches.load(matches);
    await this.sobriety.load(byParticipant);
    await this.attendance.load(attendance);
    // A session's counts under the day and kind an event gives, and under those its row had: a
    // correction may move the row.
    for (const key of attendance) {
      const held = this.attendance.get(key);
      if (held) sessions.push({ siteId: held.siteId, heldOn: held.heldOn, groupKind: held.groupKind, sessionId: held.sessionId });
    }
    await this.sessions.load(sessions);
    await this.instruments.load(instruments);
    await this.alerts.load(alerts);
    await this.facts.load(facts);
    await this.sites.load([...sites.values()]);
    indexByParticipant(this.episodeIndex, this.episodes.values());
    indexByParticipant(this.matchIndex, this.matches.values());
  }

  /** A participant's episodes here, loaded or admitted in this batch. */
  episodesOf(siteId: string, participantId: string): readonly EpisodeRow[] {
    return this.episodeIndex.get(participantKey(siteId, participantId)) ?? [];
  }

  /** A participant's mentor matches here, open or ended. */
  matchesOf(siteId: string, participantId: string): readonly MentorMatchRow[] {
    return this.matchIndex.get(participantKey(siteId, participantId)) ?? [];
  }

  addEpisode(episode: EpisodeRow): void {
    indexByParticipant(this.episodeIndex, [this.episodes.put(episode)]);
  }

  addMatch(match: MentorMatchRow): void {
    indexByParticipant(this.matchIndex, [this.matches.put(match)]);
  }

  async flush(): Promise<void> {
    await this.cells.flush(this.tx, this.episodes.changedRows());
    for (const rows of [this.episodes, this.attendance, this.sessions, this.matches, this.instruments, this.alerts, this.reintegration, this.sites, this.sobriety, this.facts]) {
      await rows.flush();
    }
  }
}
