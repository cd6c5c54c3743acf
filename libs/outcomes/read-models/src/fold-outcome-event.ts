import type {
  OutcomesEvent,
  OutcomesEventOf,
  OutcomesEventType,
  SessionAttendanceCorrected,
  SessionAttendanceRecorded,
} from '@alongside/outcomes/contracts';
import { attendanceChange, changeBetween, entryOf, wasThere } from '@alongside/outcomes/domain';
import type { AttendanceRow } from './attendance-row.entity';
import type { EpisodeRow } from './episode-row.entity';
import { FACT_OF, type OutcomeViewsBatch } from './outcome-views-batch';

type Fold<T extends OutcomesEventType> = (event: OutcomesEventOf<T>, siteId: string, rows: OutcomeViewsBatch) => void;
type Folds = { [T in OutcomesEventType]: Fold<T> };

/**
 * The participant's latest episode here: where facts about them are counted. Two episodes admitted
 * the same day are told apart by id, so the answer never depends on the order rows were loaded in.
 */
const latestEpisode = (rows: OutcomeViewsBatch, siteId: string, participantId: string): EpisodeRow | undefined => {
  let latest: EpisodeRow | undefined;
  for (const episode of rows.episodesOf(siteId, participantId)) {
    if (!latest || episode.admittedOn > latest.admittedOn || (episode.admittedOn === latest.admittedOn && episode.episodeId > latest.episodeId)) latest = episode;
  }
  return latest;
};

/** Changes the latest episode's counts, if the participant has an episode here yet. */
const countOnEpisode = (rows: OutcomeViewsBatch, siteId: string, participantId: string, change: (episode: EpisodeRow) => void) => {
  const episode = latestEpisode(rows, siteId, participantId);
  if (!episode) return;
  change(episode);
  rows.episodes.put(episode);
};

/** True the first time a fact is seen: counters move only then, so a replayed batch counts nothing twice. */
const firstTime = (rows: OutcomeViewsBatch, event: OutcomesEvent, siteId: string, kind: string, participantId: string): boolean => {
  const factId = (FACT_OF[event.type] as (data: unknown) => string)(event.data);
  if (rows.facts.get({ siteId, factId })) return false;
  rows.facts.put({ siteId, factId, kind, participantId });
  return true;
};

/** Days as `YYYY-MM-DD` (the contracts' `format: date`) order as text. */
const isInTreatment = (episode: EpisodeRow, day: string) =>
  episode.admittedOn <= day && (episode.dischargedOn === null || episode.dischargedOn >= day);

/** Adds an attendance row to its session's counts (or, `-1`, takes the row it replaces away). */
const countAtSession = (rows: OutcomeViewsBatch, row: AttendanceRow, sign: 1 | -1) => {
  const key = { siteId: row.siteId, heldOn: row.heldOn, groupKind: row.groupKind, sessionId: row.sessionId };
  const session = rows.sessions.get(key) ?? { ...key, attendances: 0, attended: 0 };
  rows.sessions.put({ ...session, attendances: session.attendances + sign, attended: session.attended + (row.attended ? sign : 0) });
};

/**
 * One participant at one session, as its newest revision says: a correction replaces the entry's
 * effect on the dose (the episode's sessions attended) and on the engagement counts (the row and its
 * session's counts), and
 * an older revision heard late changes nothing (`attendanceChange`).
 */
const foldAttendance = (event: SessionAttendanceRecorded | SessionAttendanceCorrected, siteId: string, rows: OutcomeViewsBatch) => {
  const { data } = event;
  const held = rows.attendance.get({ siteId, sessionId: data.sessionId, participantId: data.participantId });
  const heard = entryOf(event);
  const change = attendanceChange(held ? { status: held.status as typeof heard.status, minutes: held.minutes, revision: held.revision } : null, heard);
  if (!change.replaces) return;
  if (held) countAtSession(rows, held, -1);
  const row = rows.attendance.put({
    siteId,
    sessionId: held?.sessionId ?? data.sessionId,
    participantId: held?.participantId ?? data.participantId,
    groupKind: data.groupKind,
    heldOn: data.heldOn,
    status: heard.status,
    attended: wasThere(heard.status),
    minutes: heard.minutes,
    revision: heard.revision,
  });
  countAtSession(rows, row, 1);
  if (change.attendedDelta !== 0) countOnEpisode(rows, siteId, data.participantId, (episode) => (episode.sessionsAttended += change.attendedDelta));
};

const folds: Folds = {
  ParticipantAdmitted: ({ data }, siteId, rows) => {
    if (rows.episodes.get({ siteId, episodeId: data.episodeId })) return;
    const mentored = rows.matchesOf(siteId, data.participantId).some((match) => match.endedAt === null);
    rows.addEpisode({
      siteId,
      episodeId: data.episodeId,
      participantId: data.participantId,
      admittedOn: data.admittedOn,
      admissionMonth: data.admittedOn.slice(0, 7),
      programme: data.programme,
      levelOfCare: data.levelOfCare,
      transferredIn: data.transferredIn,
      dischargedOn: null,
      dischargeReason: null,
      mentored,
      firstRelapseOn: null,
      relapses: 0,
      lapses: 0,
      relapsesAfterDischarge: 0,
      screens: 0,
      positiveScreens: 0,
      sessionsAttended: 0,
      contacts: 0,
      contactMinutes: 0,
      readmissions: 0,
      emergencyVisits: 0,
      overdoses: 0,
    });
  },
  ParticipantLevelOfCareChanged: ({ data }, siteId, rows) => {
    const episode = rows.episodes.get({ siteId, episodeId: data.episodeId });
    if (episode) rows.episodes.put(Object.assign(episode, { levelOfCare: data.levelOfCare }));
  },
  ParticipantDischarged: ({ data }, siteId, rows) => {
    const episode = rows.episodes.get({ siteId, episodeId: data.episodeId });
    if (episode) rows.episodes.put(Object.assign(episode, { dischargedOn: data.dischargedOn, dischargeReason: data.reason }));
  },
  SessionAttendanceRecorded: (event, siteId, rows) => foldAttendance(event, siteId, rows),
  SessionAttendanceCorrected: (event, siteId, rows) => foldAttendance(event, siteId, rows),
  MentorMatched: ({ data }, siteId, rows) => {
    if (!rows.matches.get({ siteId, matchId: data.matchId })) {
      rows.addMatch({ siteId, matchId: data.matchId, participantId: data.participantId, mentorId: data.mentorId, matchedAt: new Date(data.matchedAt), endedAt: null });
    }
    countOnEpisode(rows, siteId, data.participantId, (episode) => (episode.mentored = true));
  },
  MentorMatchEnded: ({ data }, siteId, rows) => {
    const match = rows.matches.get({ siteId, matchId: data.matchId });
    if (match) rows.matches.put(Object.assign(match, { endedAt: new Date(data.endedAt) }));
  },
  MentorContactRecorded: (event, siteId, rows) => {
    const { data } = event;
    if (!firstTime(rows, event, siteId, 'contact', data.participantId)) return;
    countOnEpisode(rows, siteId, data.participantId, (episode) => {
      episode.contacts += 1;
      episode.contactMinutes += data.minutes;
    });
  },
  AssessmentRecorded: (event, siteId, rows) => {
    const { data } = event;
    if (!firstTime(rows, event, siteId, 'assessment', data.participantId)) return;
    const at = new Date(data.administeredAt);
    const row = rows.instruments.get({ siteId, participantId: data.participantId, instrument: data.instrument });
    if (!row) {
      rows.instruments.put({
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
    rows.instruments.put(row);
  },
  SafetyAlertRaised: ({ data }, siteId, rows) => {
    if (rows.alerts.get({ siteId, alertId: data.alertId })) return;
    rows.alerts.put({
      siteId,
      alertId: data.alertId,
      participantId: data.participantId,
      assessmentId: data.assessmentId,
      raisedAt: new Date(data.raisedAt),
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolvedAt: null,
      resolution: null,
    });
  },
  SafetyAlertAcknowledged: ({ data }, siteId, rows) => {
    const alert = rows.alerts.get({ siteId, alertId: data.alertId });
    if (alert) rows.alerts.put(Object.assign(alert, { acknowledgedAt: new Date(data.acknowledgedAt), acknowledgedBy: data.acknowledgedBy }));
  },
  SafetyAlertResolved: ({ data }, siteId, rows) => {
    const alert = rows.alerts.get({ siteId, alertId: data.alertId });
    if (alert) rows.alerts.put(Object.assign(alert, { resolvedAt: new Date(data.resolvedAt), resolution: data.resolution }));
  },
  DrugScreenRecorded: (event, siteId, rows) => {
    const { data } = event;
    if (!firstTime(rows, event, siteId, 'screen', data.participantId)) return;
    countOnEpisode(rows, siteId, data.participantId, (episode) => {
      episode.screens += 1;
      episode.positiveScreens += data.positive ? 1 : 0;
    });
  },
  SubstanceUseReported: () => undefined,
  RelapseRecorded: (event, siteId, rows) => {
    const { data } = event;
    if (!firstTime(rows, event, siteId, 'relapse', data.participantId)) return;
    countOnEpisode(rows, siteId, data.participantId, (episode) => {
      if (!isInTreatment(episode, data.occurredOn)) {
        episode.relapsesAfterDischarge += 1;
        return;
      }
      episode.relapses += 1;
      if (episode.firstRelapseOn === null || data.occurredOn < episode.firstRelapseOn) episode.firstRelapseOn = data.occurredOn;
    });
  },
  LapseRecorded: (event, siteId, rows) => {
    const { data } = event;
    if (!firstTime(rows, event, siteId, 'lapse', data.participantId)) return;
    countOnEpisode(rows, siteId, data.participantId, (episode) => {
      if (isInTreatment(episode, data.occurredOn)) episode.lapses += 1;
    });
  },
  SobrietyStartSet: ({ data }, siteId, rows) => {
    rows.sobriety.put({ siteId, participantId: data.participantId, startedOn: data.startedOn, reason: data.reason, milestonesReached: [] });
  },
  SobrietyMilestoneReached: ({ data }, siteId, rows) => {
    const row = rows.sobriety.get({ siteId, participantId: data.participantId });
    if (!row || row.milestonesReached.some((m) => m.days === data.milestoneDays)) return;
    row.milestonesReached = [...row.milestonesReached, { days: data.milestoneDays, reachedOn: data.reachedOn }];
    rows.sobriety.put(row);
  },
  ReadmissionRecorded: (event, siteId, rows) => {
    if (!firstTime(rows, event, siteId, 'readmission', event.data.participantId)) return;
    countOnEpisode(rows, siteId, event.data.participantId, (episode) => (episode.readmissions += 1));
  },
  EmergencyVisitRecorded: (event, siteId, rows) => {
    const { data } = event;
    if (!firstTime(rows, event, siteId, 'emergency-visit', data.participantId)) return;
    countOnEpisode(rows, siteId, data.participantId, (episode) => {
      episode.emergencyVisits += 1;
      episode.overdoses += data.overdose ? 1 : 0;
    });
  },
  ReintegrationRecorded: ({ data }, siteId, rows) => {
    rows.reintegration.put({
      siteId,
      participantId: data.participantId,
      checkpoint: data.checkpoint,
      livingSituation: data.livingSituation,
      occupation: data.occupation,
      socialConnectedness: data.socialConnectedness,
      recordedOn: data.recordedOn,
    });
  },
  OutcomePolicySet: ({ data }, siteId, rows) => {
    const site = rows.sites.get({ siteId });
    rows.sites.put({
      siteId,
      position: site?.position ?? '0',
      milestoneDays: data.milestoneDays,
      lapseRestartsSobriety: data.lapseRestartsSobriety,
      timeZone: data.timeZone,
    });
  },
};

/** The event types the outcome views fold; others are skipped. */
export const FOLDED_TYPES = Object.keys(folds) as OutcomesEventType[];

/**
 * Applies one event to the batch's rows in memory, with the same effect its own SQL statements had
 * when each event was sent alone (the rows the batch loaded stand for the tables).
 */
export const foldOutcomeEvent = (event: OutcomesEvent, siteId: string, rows: OutcomeViewsBatch): boolean => {
  const fold = folds[event.type] as Fold<OutcomesEventType> | undefined;
  if (!fold) return false;
  fold(event as OutcomesEventOf<OutcomesEventType>, siteId, rows);
  return true;
};
