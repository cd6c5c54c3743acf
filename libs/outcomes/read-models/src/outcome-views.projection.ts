import type {
  AttendanceStatus,
  OutcomesEvent,
  OutcomesEventOf,
  OutcomesEventType,
  SessionAttendanceCorrected,
  SessionAttendanceRecorded,
} from '@alongside/outcomes/contracts';
import { attendanceChange, changeBetween, entryOf, wasThere } from '@alongside/outcomes/domain';
import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import type { Projection } from '@alongside/platform/projections';
import type { EntityManager } from 'typeorm';
import { AttendanceRow } from './attendance-row.entity';
import { EpisodeRow } from './episode-row.entity';
import { InstrumentChangeRow } from './instrument-change-row.entity';
import { MentorMatchRow } from './mentor-match-row.entity';
import { OutcomeFactRow } from './outcome-fact-row.entity';
import { ParticipantSobrietyRow } from './participant-sobriety-row.entity';
import { ReintegrationRow } from './reintegration-row.entity';
import { SafetyAlertRow } from './safety-alert-row.entity';
import { SiteViewRow } from './site-view-row.entity';
import { tableOf as tablePath } from '@alongside/platform/projections';

export const OUTCOME_VIEWS = 'outcome-views';

export const OUTCOME_VIEW_ENTITIES = [
  EpisodeRow,
  AttendanceRow,
  MentorMatchRow,
  InstrumentChangeRow,
  SafetyAlertRow,
  ReintegrationRow,
  SiteViewRow,
  ParticipantSobrietyRow,
  OutcomeFactRow,
] as const;

type Apply<T extends OutcomesEventType> = (event: OutcomesEventOf<T>, siteId: string, tx: EntityManager) => Promise<void>;
type Appliers = { [T in OutcomesEventType]: Apply<T> };

/** True the first time a fact is seen: counters move only then, so a replayed batch counts nothing twice. */
const firstTime = async (tx: EntityManager, siteId: string, factId: string, kind: string, participantId: string): Promise<boolean> => {
  const rows: unknown[] = await tx.query(
    `insert into ${tablePath(tx, OutcomeFactRow)} (site_id, fact_id, kind, participant_id) values ($1, $2, $3, $4)
     on conflict do nothing returning 1`,
    [siteId, factId, kind, participantId],
  );
  return rows.length > 0;
};

/** The participant's latest episode here: where facts about them are counted. */
const latestEpisode = (tx: EntityManager) =>
  `(select episode_id from ${tablePath(tx, EpisodeRow)} where site_id = $1 and participant_id = $2 order by admitted_on desc limit 1)`;

/** Adds to counters of the latest episode; `inTreatmentOn` picks in-treatment or after-discharge columns. */
const countOnEpisode = async (tx: EntityManager, siteId: string, participantId: string, set: string, extra: unknown[] = []) => {
  await tx.query(
    `update ${tablePath(tx, EpisodeRow)} set ${set} where site_id = $1 and episode_id = ${latestEpisode(tx)}`,
    [siteId, participantId, ...extra],
  );
};

const isInTreatment = (day: string) =>
  `(admitted_on <= ${day}::date and (discharged_on is null or discharged_on >= ${day}::date))`;

/**
 * One participant at one session, as its newest revision says: a correction replaces the entry's
 * effect on the dose (the episode's sessions attended) and on the engagement counts (the row), and
 * an older revision heard late changes nothing (`attendanceChange`).
 */
const applyAttendance = async (event: SessionAttendanceRecorded | SessionAttendanceCorrected, siteId: string, tx: EntityManager) => {
  const { data } = event;
  const table = tablePath(tx, AttendanceRow);
  const [held]: { status: AttendanceStatus; minutes: number; revision: number }[] = await tx.query(
    `select status, minutes, revision from ${table} where site_id = $1 and session_id = $2 and participant_id = $3 for update`,
    [siteId, data.sessionId, data.participantId],
  );
  const heard = entryOf(event);
  const change = attendanceChange(held ?? null, heard);
  if (!change.replaces) return;
  await tx.query(
    `insert into ${table} (site_id, session_id, participant_id, group_kind, held_on, status, attended, minutes, revision)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (site_id, session_id, participant_id)
     do update set group_kind = excluded.group_kind, held_on = excluded.held_on, status = excluded.status,
                   attended = excluded.attended, minutes = excluded.minutes, revision = excluded.revision`,
    [siteId, data.sessionId, data.participantId, data.groupKind, data.heldOn, heard.status, wasThere(heard.status), heard.minutes, heard.revision],
  );
  if (change.attendedDelta !== 0) await countOnEpisode(tx, siteId, data.participantId, `sessions_attended = sessions_attended + ${change.attendedDelta}`);
};

const appliers: Appliers = {
  ParticipantAdmitted: async ({ data }, siteId, tx) => {
    await tx.query(
      `insert into ${tablePath(tx, EpisodeRow)}
         (site_id, episode_id, participant_id, admitted_on, admission_month, programme, level_of_care, transferred_in, mentored)
       values ($1, $2, $3, $4, $5, $6, $7, $8,
         exists (select 1 from ${tablePath(tx, MentorMatchRow)} where site_id = $1 and participant_id = $3 and ended_at is null))
       on conflict (site_id, episode_id) do nothing`,
      [siteId, data.episodeId, data.participantId, data.admittedOn, data.admittedOn.slice(0, 7), data.programme, data.levelOfCare, data.transferredIn],
    );
  },
  ParticipantLevelOfCareChanged: async ({ data }, siteId, tx) => {
    await tx.query(`update ${tablePath(tx, EpisodeRow)} set level_of_care = $3 where site_id = $1 and episode_id = $2`, [siteId, data.episodeId, data.levelOfCare]);
  },
  ParticipantDischarged: async ({ data }, siteId, tx) => {
    await tx.query(
      `update ${tablePath(tx, EpisodeRow)} set discharged_on = $3, discharge_reason = $4 where site_id = $1 and episode_id = $2`,
      [siteId, data.episodeId, data.dischargedOn, data.reason],
    );
  },
  SessionAttendanceRecorded: (event, siteId, tx) => applyAttendance(event, siteId, tx),
  SessionAttendanceCorrected: (event, siteId, tx) => applyAttendance(event, siteId, tx),
  MentorMatched: async ({ data }, siteId, tx) => {
    await tx.query(
      `insert into ${tablePath(tx, MentorMatchRow)} (site_id, match_id, participant_id, mentor_id, matched_at)
       values ($1, $2, $3, $4, $5) on conflict (site_id, match_id) do nothing`,
      [siteId, data.matchId, data.participantId, data.mentorId, data.matchedAt],
    );
    await countOnEpisode(tx, siteId, data.participantId, 'mentored = true');
  },
  MentorMatchEnded: async ({ data }, siteId, tx) => {
    await tx.query(`update ${tablePath(tx, MentorMatchRow)} set ended_at = $3 where site_id = $1 and match_id = $2`, [siteId, data.matchId, data.endedAt]);
  },
  MentorContactRecorded: async ({ data }, siteId, tx) => {
    if (!(await firstTime(tx, siteId, data.contactId, 'contact', data.participantId))) return;
    await countOnEpisode(tx, siteId, data.participantId, 'contacts = contacts + 1, contact_minutes = contact_minutes + $3', [data.minutes]);
  },
  AssessmentRecorded: async ({ data }, siteId, tx) => {
    if (!(await firstTime(tx, siteId, data.assessmentId, 'assessment', data.participantId))) return;
    const repository = tx.getRepository(InstrumentChangeRow);
    const at = new Date(data.administeredAt);
    const row = await repository.findOneBy({ siteId, participantId: data.participantId, instrument: data.instrument });
    if (!row) {
      await repository.insert({
        siteId,
        participantId: data.participantId,
        instrument: data.instrument,
        assessments: 1,
        intakeTotal: data.total,
        intakeBand: data.band,
        intakeAt: at,
        latestTotal: data.total,
        latestBand: data.band,
        latestAt: at,
        improved: false,
      });
      return;
    }
    row.assessments += 1;
    if (at < row.intakeAt) Object.assign(row, { intakeTotal: data.total, intakeBand: data.band, intakeAt: at });
    if (at >= row.latestAt) Object.assign(row, { latestTotal: data.total, latestBand: data.band, latestAt: at });
    row.improved = changeBetween(data.instrument, [row.intakeTotal, row.latestTotal])?.improved ?? false;
    await repository.save(row);
  },
  SafetyAlertRaised: async ({ data }, siteId, tx) => {
    await tx.query(
      `insert into ${tablePath(tx, SafetyAlertRow)} (site_id, alert_id, participant_id, assessment_id, raised_at)
       values ($1, $2, $3, $4, $5) on conflict (site_id, alert_id) do nothing`,
      [siteId, data.alertId, data.participantId, data.assessmentId, data.raisedAt],
    );
  },
  SafetyAlertAcknowledged: async ({ data }, siteId, tx) => {
    await tx.query(
      `update ${tablePath(tx, SafetyAlertRow)} set acknowledged_at = $3, acknowledged_by = $4 where site_id = $1 and alert_id = $2`,
      [siteId, data.alertId, data.acknowledgedAt, data.acknowledgedBy],
    );
  },
  SafetyAlertResolved: async ({ data }, siteId, tx) => {
    await tx.query(
      `update ${tablePath(tx, SafetyAlertRow)} set resolved_at = $3, resolution = $4 where site_id = $1 and alert_id = $2`,
      [siteId, data.alertId, data.resolvedAt, data.resolution],
    );
  },
  DrugScreenRecorded: async ({ data }, siteId, tx) => {
    if (!(await firstTime(tx, siteId, data.screenId, 'screen', data.participantId))) return;
    await countOnEpisode(tx, siteId, data.participantId, `screens = screens + 1, positive_screens = positive_screens + ${data.positive ? 1 : 0}`);
  },
  SubstanceUseReported: async () => undefined,
  RelapseRecorded: async ({ data }, siteId, tx) => {
    if (!(await firstTime(tx, siteId, data.relapseId, 'relapse', data.participantId))) return;
    await countOnEpisode(
      tx,
      siteId,
      data.participantId,
      `relapses = relapses + (case when ${isInTreatment('$3')} then 1 else 0 end),
       relapses_after_discharge = relapses_after_discharge + (case when ${isInTreatment('$3')} then 0 else 1 end),
       first_relapse_on = case when ${isInTreatment('$3')} then least(coalesce(first_relapse_on, $3::date), $3::date) else first_relapse_on end`,
      [data.occurredOn],
    );
  },
  LapseRecorded: async ({ data }, siteId, tx) => {
    if (!(await firstTime(tx, siteId, data.lapseId, 'lapse', data.participantId))) return;
    await countOnEpisode(tx, siteId, data.participantId, `lapses = lapses + (case when ${isInTreatment('$3')} then 1 else 0 end)`, [data.occurredOn]);
  },
  SobrietyStartSet: async ({ data }, siteId, tx) => {
    await tx.getRepository(ParticipantSobrietyRow).upsert(
      { siteId, participantId: data.participantId, startedOn: data.startedOn, reason: data.reason, milestonesReached: [] },
      ['siteId', 'participantId'],
    );
  },
  SobrietyMilestoneReached: async ({ data }, siteId, tx) => {
    const repository = tx.getRepository(ParticipantSobrietyRow);
    const row = await repository.findOneBy({ siteId, participantId: data.participantId });
    if (!row || row.milestonesReached.some((m) => m.days === data.milestoneDays)) return;
    row.milestonesReached = [...row.milestonesReached, { days: data.milestoneDays, reachedOn: data.reachedOn }];
    await repository.save(row);
  },
  ReadmissionRecorded: async ({ data }, siteId, tx) => {
    if (!(await firstTime(tx, siteId, data.readmissionId, 'readmission', data.participantId))) return;
    await countOnEpisode(tx, siteId, data.participantId, 'readmissions = readmissions + 1');
  },
  EmergencyVisitRecorded: async ({ data }, siteId, tx) => {
    if (!(await firstTime(tx, siteId, data.visitId, 'emergency-visit', data.participantId))) return;
    await countOnEpisode(tx, siteId, data.participantId, `emergency_visits = emergency_visits + 1, overdoses = overdoses + ${data.overdose ? 1 : 0}`);
  },
  ReintegrationRecorded: async ({ data }, siteId, tx) => {
    await tx.getRepository(ReintegrationRow).upsert(
      {
        siteId,
        participantId: data.participantId,
        checkpoint: data.checkpoint,
        livingSituation: data.livingSituation,
        occupation: data.occupation,
        socialConnectedness: data.socialConnectedness,
        recordedOn: data.recordedOn,
      },
      ['siteId', 'participantId', 'checkpoint'],
    );
  },
  OutcomePolicySet: async ({ data }, siteId, tx) => {
    await tx.query(
      `insert into ${tablePath(tx, SiteViewRow)} (site_id, milestone_days, lapse_restarts_sobriety, time_zone) values ($1, $2, $3, $4)
       on conflict (site_id) do update set milestone_days = excluded.milestone_days,
         lapse_restarts_sobriety = excluded.lapse_restarts_sobriety, time_zone = excluded.time_zone`,
      [siteId, JSON.stringify(data.milestoneDays), data.lapseRestartsSobriety, data.timeZone],
    );
  },
};

/**
 * The dashboards' and analysts' read models (DESIGN §6), kept event by event in the transaction
 * that moves the checkpoint. Each site's row also records the last position applied for it, which
 * the page polls to know when to redraw.
 */
export const outcomeViewsProjection: Projection = {
  name: OUTCOME_VIEWS,
  // 2: attendance rows keep the revision they were last corrected to (sessions' AttendanceCorrected).
  version: 2,
  entities: [...OUTCOME_VIEW_ENTITIES],
  handles: Object.keys(appliers),
  apply: async (events: readonly RecordedEvent[], tx: EntityManager) => {
    const touched = new Map<string, bigint>();
    for (const event of events) {
      const siteId = event.metadata.siteId;
      const apply = appliers[event.type as OutcomesEventType] as Apply<OutcomesEventType> | undefined;
      if (!apply) continue;
      await apply(event as unknown as OutcomesEvent, siteId, tx);
      touched.set(siteId, event.globalPosition);
    }
    for (const [siteId, position] of touched) {
      await tx.query(
        `insert into ${tablePath(tx, SiteViewRow)} (site_id, position) values ($1, $2)
         on conflict (site_id) do update set position = greatest(${tablePath(tx, SiteViewRow)}.position, excluded.position)`,
        [siteId, position.toString()],
      );
    }
  },
};
