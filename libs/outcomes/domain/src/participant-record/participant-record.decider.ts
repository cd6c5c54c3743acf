import type { ParticipantRecordEvent, ScreenedSubstance } from '@alongside/outcomes/contracts';
import type { Decider } from '@alongside/platform/event-sourcing';
import { PHQ9_SAFETY_ITEM_INDEX } from '../instruments/instrument-definition';
import { scoreAssessment } from '../instruments/score-assessment';
import { addDays, isAfterNow } from '../sobriety/calendar-days';
import { soberDays } from '../sobriety/milestones';
import type { ParticipantRecordCommand } from './participant-record.commands';
import {
  AlreadyRecorded,
  BeforeFirstAdmission,
  DateInTheFuture,
  DifficultyOnlyForPhq9,
  MilestoneAlreadyReached,
  MilestoneNotInSitePolicy,
  MilestoneNotReachedYet,
  NoSobrietyDate,
  ParticipantNotFound,
  ReintegrationNotDue,
  SafetyAlertAlreadyAcknowledged,
  SafetyAlertAlreadyResolved,
  SafetyAlertNotFound,
  ScreenResultsNotValid,
  UseReportNotValid,
} from './participant-record.errors';
import { initialState, type ParticipantRecord } from './participant-record.state';

/**
 * One participant's outcome record at one site: what clinicians record about them, and the facts
 * heard from enrolment, sessions and mentoring.
 */
export const decide = (command: ParticipantRecordCommand, record: ParticipantRecord): ParticipantRecordEvent[] => {
  switch (command.type) {
    case 'RecordAssessment': {
      const d = command.data;
      requireKnown(record, d.participantId);
      requireNew(record, 'assessment', d.assessmentId);
      if (isAfterNow(d.administeredAt, d.now)) throw new DateInTheFuture('assessment time', d.administeredAt);
      if (d.difficulty !== null && d.instrument !== 'PHQ-9') throw new DifficultyOnlyForPhq9();
      const score = scoreAssessment(d.instrument, d.items);
      const recorded: ParticipantRecordEvent = {
        type: 'AssessmentRecorded',
        data: {
          assessmentId: d.assessmentId,
          participantId: d.participantId,
          instrument: d.instrument,
          instrumentVersion: score.instrumentVersion,
          items: [...d.items],
          difficulty: d.difficulty,
          total: score.total,
          band: score.band,
          administeredAt: d.administeredAt,
          recordedBy: d.recordedBy,
        },
      };
      const safetyAnswer = d.instrument === 'PHQ-9' ? d.items[PHQ9_SAFETY_ITEM_INDEX] : 0;
      if (safetyAnswer === 0) return [recorded];
      // Whatever the total: thoughts of being better off dead or of self-harm need a clinician now.
      return [
        recorded,
        {
          type: 'SafetyAlertRaised',
          data: {
            alertId: d.alertId,
            participantId: d.participantId,
            assessmentId: d.assessmentId,
            reason: 'phq9-item9',
            urgency: 'urgent',
            answer: safetyAnswer,
            raisedAt: d.now,
          },
        },
      ];
    }

    case 'AcknowledgeSafetyAlert': {
      const d = command.data;
      const alert = requireAlert(record, d.participantId, d.alertId);
      if (alert.status === 'resolved') throw new SafetyAlertAlreadyResolved(alert.resolvedAt as string);
      if (alert.status === 'acknowledged') {
        throw new SafetyAlertAlreadyAcknowledged(alert.acknowledgedBy as string, alert.acknowledgedAt as string);
      }
      return [{ type: 'SafetyAlertAcknowledged', data: { alertId: d.alertId, participantId: d.participantId, acknowledgedBy: d.acknowledgedBy, acknowledgedAt: d.now } }];
    }

    case 'ResolveSafetyAlert': {
      const d = command.data;
      const alert = requireAlert(record, d.participantId, d.alertId);
      if (alert.status === 'resolved') throw new SafetyAlertAlreadyResolved(alert.resolvedAt as string);
      return [
        {
          type: 'SafetyAlertResolved',
          data: { alertId: d.alertId, participantId: d.participantId, resolvedBy: d.resolvedBy, resolution: d.resolution, resolvedAt: d.now },
        },
      ];
    }

    case 'RecordDrugScreen': {
      const d = command.data;
      requireKnown(record, d.participantId);
      requireNew(record, 'drug screen', d.screenId);
      if (isAfterNow(d.collectedAt, d.now)) throw new DateInTheFuture('collection time', d.collectedAt);
      if (d.results.length === 0) throw new ScreenResultsNotValid('it has no results');
      const substances = d.results.map((r) => r.substance);
      if (new Set(substances).size !== substances.length) throw new ScreenResultsNotValid('a substance is listed twice');
      return [
        {
          type: 'DrugScreenRecorded',
          data: {
            screenId: d.screenId,
            participantId: d.participantId,
            specimen: d.specimen,
            collectedAt: d.collectedAt,
            results: d.results.map((r) => ({ ...r })),
            positive: d.results.some(isUnprescribedPositive),
            recordedBy: d.recordedBy,
          },
        },
      ];
    }

    case 'ReportSubstanceUse': {
      const d = command.data;
      requireKnown(record, d.participantId);
      requireNew(record, 'substance use report', d.reportId);
      const over = d.substances.find((s) => s.daysUsed > d.periodDays);
      if (over) throw new UseReportNotValid(`${over.substance} is reported on ${over.daysUsed} days of a ${d.periodDays}-day period`);
      const names = d.substances.map((s) => s.substance);
      if (new Set(names).size !== names.length) throw new UseReportNotValid('a substance is listed twice');
      return [
        {
          type: 'SubstanceUseReported',
          data: { reportId: d.reportId, participantId: d.participantId, periodDays: d.periodDays, substances: d.substances.map((s) => ({ ...s })), reportedAt: d.now, recordedBy: d.recordedBy },
        },
      ];
    }

    case 'RecordLapse': {
      const d = command.data;
      requireKnown(record, d.participantId);
      requireNew(record, 'lapse', d.lapseId);
      requireDayInTreatmentHistory(record, 'lapse', d.occurredOn, d.today);
      const lapse: ParticipantRecordEvent = {
        type: 'LapseRecorded',
        data: { lapseId: d.lapseId, participantId: d.participantId, occurredOn: d.occurredOn, substances: [...d.substances], recordedAt: d.now, recordedBy: d.recordedBy },
      };
      // A lapse restarts the count only where the site's policy says so.
      if (!d.policy.lapseRestartsSobriety) return [lapse];
      return [lapse, restartSobriety(d.participantId, d.occurredOn, 'lapse-under-site-policy', d.lapseId, d.now)];
    }

    case 'RecordRelapse': {
      const d = command.data;
      requireKnown(record, d.participantId);
      requireNew(record, 'relapse', d.relapseId);
      requireDayInTreatmentHistory(record, 'relapse', d.occurredOn, d.today);
      return [
        {
          type: 'RelapseRecorded',
          data: { relapseId: d.relapseId, participantId: d.participantId, occurredOn: d.occurredOn, substances: [...d.substances], recordedAt: d.now, recordedBy: d.recordedBy },
        },
        restartSobriety(d.participantId, d.occurredOn, 'relapse', d.relapseId, d.now),
      ];
    }

    case 'SetSobrietyStart': {
      const d = command.data;
      requireKnown(record, d.participantId);
      if (d.startedOn > d.today) throw new DateInTheFuture('sobriety date', d.startedOn);
      return [{ type: 'SobrietyStartSet', data: { participantId: d.participantId, startedOn: d.startedOn, reason: 'set-by-clinician', causeId: null, setAt: d.now } }];
    }

    case 'RecordMilestone': {
      const d = command.data;
      requireKnown(record, d.participantId);
      if (!record.sobrietyStartedOn) throw new NoSobrietyDate();
      if (!d.policy.milestoneDays.includes(d.milestoneDays)) throw new MilestoneNotInSitePolicy(d.milestoneDays, d.policy.milestoneDays);
      const reachedOn = record.milestones[d.milestoneDays];
      if (reachedOn) throw new MilestoneAlreadyReached(d.milestoneDays, reachedOn);
      const days = soberDays(record.sobrietyStartedOn, d.today);
      if (days < d.milestoneDays) throw new MilestoneNotReachedYet(d.milestoneDays, days);
      return [
        {
          type: 'SobrietyMilestoneReached',
          data: {
            participantId: d.participantId,
            milestoneDays: d.milestoneDays,
            sobrietyStartedOn: record.sobrietyStartedOn,
            reachedOn: addDays(record.sobrietyStartedOn, d.milestoneDays),
            recordedAt: d.now,
            recordedBy: d.recordedBy,
          },
        },
      ];
    }

    case 'RecordReadmission': {
      const d = command.data;
      requireKnown(record, d.participantId);
      requireNew(record, 'readmission', d.readmissionId);
      requireDayInTreatmentHistory(record, 'readmission', d.admittedOn, d.today);
      return [
        {
          type: 'ReadmissionRecorded',
          data: { readmissionId: d.readmissionId, participantId: d.participantId, setting: d.setting, admittedOn: d.admittedOn, recordedAt: d.now, recordedBy: d.recordedBy },
        },
      ];
    }

    case 'RecordEmergencyVisit': {
      const d = command.data;
      requireKnown(record, d.participantId);
      requireNew(record, 'emergency visit', d.visitId);
      requireDayInTreatmentHistory(record, 'emergency visit', d.visitedOn, d.today);
      return [
        {
          type: 'EmergencyVisitRecorded',
          data: {
            visitId: d.visitId,
            participantId: d.participantId,
            visitedOn: d.visitedOn,
            substanceRelated: d.substanceRelated,
            overdose: d.overdose,
            recordedAt: d.now,
            recordedBy: d.recordedBy,
          },
        },
      ];
    }

    case 'RecordReintegration': {
      const d = command.data;
      requireKnown(record, d.participantId);
      if (d.recordedOn > d.today) throw new DateInTheFuture('review date', d.recordedOn);
      const discharged = record.currentEpisodeId !== null && record.episodes[record.currentEpisodeId]?.dischargedOn !== null;
      if (d.checkpoint !== 'intake' && !discharged) throw new ReintegrationNotDue(d.checkpoint);
      if (record.reintegration.has(d.checkpoint)) throw new AlreadyRecorded(`${d.checkpoint} reintegration review`, d.participantId);
      return [
        {
          type: 'ReintegrationRecorded',
          data: {
            participantId: d.participantId,
            checkpoint: d.checkpoint,
            livingSituation: d.livingSituation,
            occupation: d.occupation,
            socialConnectedness: d.socialConnectedness,
            recordedOn: d.recordedOn,
            recordedBy: d.recordedBy,
          },
        },
      ];
    }

    // Heard facts: the other service already decided them; a repeat of a known fact records nothing.
    case 'RecordAdmission':
      if (record.episodes[command.data.episodeId]) return [];
      return [{ type: 'ParticipantAdmitted', data: { ...command.data } }];

    case 'RecordLevelOfCareChange':
      if (record.levelOfCare === command.data.levelOfCare) return [];
      return [{ type: 'ParticipantLevelOfCareChanged', data: { ...command.data } }];

    case 'RecordDischarge': {
      const enrolment = record.episodes[command.data.episodeId];
      if (enrolment?.dischargedOn) return [];
      return [{ type: 'ParticipantDischarged', data: { ...command.data } }];
    }

    case 'RecordAttendance':
      return [{ type: 'SessionAttendanceRecorded', data: { ...command.data } }];

    case 'RecordAttendanceCorrection':
      return [{ type: 'SessionAttendanceCorrected', data: { ...command.data } }];

    case 'RecordMentorMatch':
      if (record.activeMatches.has(command.data.matchId)) return [];
      return [{ type: 'MentorMatched', data: { ...command.data } }];

    case 'RecordMentorMatchEnded':
      if (!record.activeMatches.has(command.data.matchId)) return [];
      return [{ type: 'MentorMatchEnded', data: { ...command.data } }];

    case 'RecordMentorContact':
      if (record.recordedIds.has(command.data.contactId)) return [];
      return [{ type: 'MentorContactRecorded', data: { ...command.data } }];
  }
};

export const evolve = (record: ParticipantRecord, event: ParticipantRecordEvent): ParticipantRecord => {
  switch (event.type) {
    case 'ParticipantAdmitted': {
      const d = event.data;
      return {
        ...record,
        known: true,
        firstAdmittedOn: record.firstAdmittedOn && record.firstAdmittedOn < d.admittedOn ? record.firstAdmittedOn : d.admittedOn,
        inTreatment: true,
        episodes: { ...record.episodes, [d.episodeId]: { admittedOn: d.admittedOn, dischargedOn: null } },
        currentEpisodeId: d.episodeId,
        levelOfCare: d.levelOfCare,
        // Reviews are per episode of care: a new admission starts a new set.
        reintegration: new Set(),
      };
    }
    case 'ParticipantDischarged': {
      const d = event.data;
      const enrolment = record.episodes[d.episodeId] ?? { admittedOn: d.dischargedOn, dischargedOn: null };
      return {
        ...record,
        inTreatment: record.currentEpisodeId === d.episodeId ? false : record.inTreatment,
        episodes: { ...record.episodes, [d.episodeId]: { ...enrolment, dischargedOn: d.dischargedOn } },
      };
    }
    case 'ParticipantLevelOfCareChanged':
      return { ...record, levelOfCare: event.data.levelOfCare };
    case 'AssessmentRecorded':
      return withId(record, event.data.assessmentId);
    case 'SafetyAlertRaised':
      return {
        ...record,
        alerts: { ...record.alerts, [event.data.alertId]: { status: 'open', acknowledgedBy: null, acknowledgedAt: null, resolvedAt: null } },
      };
    case 'SafetyAlertAcknowledged': {
      const alert = record.alerts[event.data.alertId];
      return {
        ...record,
        alerts: { ...record.alerts, [event.data.alertId]: { ...alert, status: 'acknowledged', acknowledgedBy: event.data.acknowledgedBy, acknowledgedAt: event.data.acknowledgedAt } },
      };
    }
    case 'SafetyAlertResolved': {
      const alert = record.alerts[event.data.alertId];
      return { ...record, alerts: { ...record.alerts, [event.data.alertId]: { ...alert, status: 'resolved', resolvedAt: event.data.resolvedAt } } };
    }
    case 'DrugScreenRecorded':
      return withId(record, event.data.screenId);
    case 'SubstanceUseReported':
      return withId(record, event.data.reportId);
    case 'LapseRecorded':
      return withId(record, event.data.lapseId);
    case 'RelapseRecorded':
      return withId(record, event.data.relapseId);
    case 'SobrietyStartSet':
      return { ...record, sobrietyStartedOn: event.data.startedOn, milestones: {} };
    case 'SobrietyMilestoneReached':
      return { ...record, milestones: { ...record.milestones, [event.data.milestoneDays]: event.data.reachedOn } };
    case 'ReadmissionRecorded':
      return withId(record, event.data.readmissionId);
    case 'EmergencyVisitRecorded':
      return withId(record, event.data.visitId);
    case 'ReintegrationRecorded':
      return { ...record, reintegration: new Set([...record.reintegration, event.data.checkpoint]) };
    case 'MentorMatched':
      return { ...record, activeMatches: new Set([...record.activeMatches, event.data.matchId]) };
    case 'MentorMatchEnded':
      return { ...record, activeMatches: new Set([...record.activeMatches].filter((id) => id !== event.data.matchId)) };
    case 'MentorContactRecorded':
      return withId(record, event.data.contactId);
    case 'SessionAttendanceRecorded':
    case 'SessionAttendanceCorrected':
      return record;
  }
};

export const participantRecordDecider: Decider<ParticipantRecordCommand, ParticipantRecordEvent, ParticipantRecord> = {
  decide,
  evolve,
  initialState,
};

const requireKnown = (record: ParticipantRecord, participantId: string) => {
  if (!record.known) throw new ParticipantNotFound(participantId);
};

const requireNew = (record: ParticipantRecord, what: string, id: string) => {
  if (record.recordedIds.has(id)) throw new AlreadyRecorded(what, id);
};

const requireAlert = (record: ParticipantRecord, participantId: string, alertId: string) => {
  requireKnown(record, participantId);
  const alert = record.alerts[alertId];
  if (!alert) throw new SafetyAlertNotFound(alertId);
  return alert;
};

const requireDayInTreatmentHistory = (record: ParticipantRecord, what: string, day: string, today: string) => {
  if (day > today) throw new DateInTheFuture(`${what} date`, day);
  if (record.firstAdmittedOn && day < record.firstAdmittedOn) throw new BeforeFirstAdmission(`${what} date`, day, record.firstAdmittedOn);
};

// The count runs from the first day without use: the day after the lapse or relapse.
const restartSobriety = (
  participantId: string,
  useOn: string,
  reason: 'relapse' | 'lapse-under-site-policy',
  causeId: string,
  now: string,
): ParticipantRecordEvent => ({
  type: 'SobrietyStartSet',
  data: { participantId, startedOn: addDays(useOn, 1), reason, causeId, setAt: now },
});

const isUnprescribedPositive = (r: ScreenedSubstance) => r.result === 'positive' && !r.prescribed;

const withId = (record: ParticipantRecord, id: string): ParticipantRecord => ({
  ...record,
  recordedIds: new Set([...record.recordedIds, id]),
});
