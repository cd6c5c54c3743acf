import fc from 'fast-check';
import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import { outcomesEventExamples, type ParticipantRecordEvent } from '@alongside/outcomes/contracts';
import { AnswersNotValid } from '../instruments/score-assessment';
import { participantRecordDecider } from './participant-record.decider';
import type { ParticipantRecordCommand, SitePolicy } from './participant-record.commands';
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

const given = DeciderSpecification.for(participantRecordDecider);

const participantId = outcomesEventExamples.ParticipantAdmitted.data.participantId;
const clock = { now: '2026-05-01T12:00:00Z', today: '2026-05-01' };
const policy: SitePolicy = { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsSobriety: false, timeZone: 'UTC' };
const admitted = outcomesEventExamples.ParticipantAdmitted; // admitted 2026-03-01
const discharged = outcomesEventExamples.ParticipantDischarged;

const assessment = (instrument: 'PHQ-9' | 'GAD-7' | 'BARC-10', items: number[], extra: Partial<{ difficulty: 'somewhat-difficult' | null; administeredAt: string; assessmentId: string }> = {}): ParticipantRecordCommand => ({
  type: 'RecordAssessment',
  data: {
    ...clock,
    participantId,
    assessmentId: extra.assessmentId ?? '11111111-1111-4111-8111-111111111111',
    alertId: '22222222-2222-4222-8222-222222222222',
    instrument,
    items,
    difficulty: extra.difficulty ?? null,
    administeredAt: extra.administeredAt ?? '2026-05-01T10:00:00Z',
    recordedBy: 'clinician-1',
  },
});

const relapse = (occurredOn: string, relapseId = '33333333-3333-4333-8333-333333333333'): ParticipantRecordCommand => ({
  type: 'RecordRelapse',
  data: { ...clock, participantId, relapseId, occurredOn, substances: ['alcohol'], recordedBy: 'clinician-1' },
});

const lapse = (occurredOn: string, lapsePolicy = policy): ParticipantRecordCommand => ({
  type: 'RecordLapse',
  data: { ...clock, participantId, lapseId: '44444444-4444-4444-8444-444444444444', occurredOn, substances: ['cannabis'], recordedBy: 'clinician-1', policy: lapsePolicy },
});

const eventsOf = (command: ParticipantRecordCommand, history: ParticipantRecordEvent[] = [admitted]) =>
  given(history).when(command).events();

describe('Participant outcome record', () => {
  describe('assessments', () => {
    it('scores a PHQ-9 from its items', () => {
      const [recorded] = eventsOf(assessment('PHQ-9', [1, 2, 1, 1, 0, 2, 1, 0, 0], { difficulty: 'somewhat-difficult' }));
      expect(recorded).toMatchObject({ type: 'AssessmentRecorded', data: { total: 8, band: 'mild', instrumentVersion: 'phq-9@2001', difficulty: 'somewhat-difficult' } });
    });

    it('raises an urgent safety alert when item 9 is above 0, even with a minimal total', () => {
      const events = eventsOf(assessment('PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 1]));
      expect(events.map((e) => e.type)).toEqual(['AssessmentRecorded', 'SafetyAlertRaised']);
      expect(events[1].data).toMatchObject({ urgency: 'urgent', reason: 'phq9-item9', answer: 1, alertId: '22222222-2222-4222-8222-222222222222' });
      expect(events[0].data).toMatchObject({ total: 1, band: 'minimal' });
    });

    it('raises no alert when item 9 is 0, even with a severe total', () =>
      expect(eventsOf(assessment('PHQ-9', [3, 3, 3, 3, 3, 3, 3, 3, 0])).map((e) => e.type)).toEqual(['AssessmentRecorded']));

    it('raises an alert exactly when PHQ-9 item 9 is above 0', () =>
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9, maxLength: 9 }), (items) => {
          const raised = eventsOf(assessment('PHQ-9', items)).some((e) => e.type === 'SafetyAlertRaised');
          expect(raised).toBe(items[8] > 0);
        }),
      ));

    it('refuses a participant with no admission here (another site’s, or unknown)', () =>
      given([]).when(assessment('GAD-7', [0, 0, 0, 0, 0, 0, 0])).thenThrows(ParticipantNotFound));

    it('refuses answers out of range', () =>
      given([admitted]).when(assessment('GAD-7', [0, 0, 0, 9, 0, 0, 0])).thenThrows(AnswersNotValid));

    it('refuses an assessment administered in the future', () =>
      given([admitted]).when(assessment('GAD-7', [0, 0, 0, 0, 0, 0, 0], { administeredAt: '2026-05-02T10:00:00Z' })).thenThrows(DateInTheFuture));

    it('refuses the difficulty question on GAD-7', () =>
      given([admitted]).when(assessment('GAD-7', [0, 0, 0, 0, 0, 0, 0], { difficulty: 'somewhat-difficult' })).thenThrows(DifficultyOnlyForPhq9));

    it('refuses the same assessment id twice', () => {
      const [first] = eventsOf(assessment('BARC-10', [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]));
      given([admitted, first]).when(assessment('BARC-10', [4, 4, 4, 4, 4, 4, 4, 4, 4, 4])).thenThrows(AlreadyRecorded);
    });
  });

  describe('safety alerts', () => {
    const raised = eventsOf(assessment('PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 2]));
    const alertId = '22222222-2222-4222-8222-222222222222';
    const acknowledge: ParticipantRecordCommand = { type: 'AcknowledgeSafetyAlert', data: { ...clock, participantId, alertId, acknowledgedBy: 'clinician-2' } };
    const resolve: ParticipantRecordCommand = { type: 'ResolveSafetyAlert', data: { ...clock, participantId, alertId, resolvedBy: 'clinician-2', resolution: 'safety-plan-made' } };

    it('is acknowledged by a clinician', () =>
      given([admitted, ...raised]).when(acknowledge).then([
        { type: 'SafetyAlertAcknowledged', data: { alertId, participantId, acknowledgedBy: 'clinician-2', acknowledgedAt: clock.now } },
      ]));

    it('refuses a second acknowledgement, naming who acknowledged', () => {
      const acked = given([admitted, ...raised]).when(acknowledge).events();
      given([admitted, ...raised, ...acked]).when(acknowledge).thenThrows(SafetyAlertAlreadyAcknowledged);
    });

    it('is resolved, and then refuses anything more', () => {
      const resolved = given([admitted, ...raised]).when(resolve).events();
      expect(resolved[0]).toMatchObject({ type: 'SafetyAlertResolved', data: { resolution: 'safety-plan-made' } });
      given([admitted, ...raised, ...resolved]).when(resolve).thenThrows(SafetyAlertAlreadyResolved);
      given([admitted, ...raised, ...resolved]).when(acknowledge).thenThrows(SafetyAlertAlreadyResolved);
    });

    it('answers not found for an unknown alert', () => given([admitted]).when(acknowledge).thenThrows(SafetyAlertNotFound));
  });

  describe('drug screens and reported use', () => {
    const screen = (results: { substance: 'fentanyl' | 'buprenorphine'; result: 'positive' | 'negative'; prescribed: boolean }[]): ParticipantRecordCommand => ({
      type: 'RecordDrugScreen',
      data: { ...clock, participantId, screenId: '55555555-5555-4555-8555-555555555555', specimen: 'urine', collectedAt: '2026-05-01T09:00:00Z', results, recordedBy: 'clinician-1' },
    });

    it('counts a positive for a prescribed medication as not positive', () =>
      expect(eventsOf(screen([{ substance: 'buprenorphine', result: 'positive', prescribed: true }]))[0].data).toMatchObject({ positive: false }));

    it('counts an unprescribed positive as positive', () =>
      expect(eventsOf(screen([{ substance: 'fentanyl', result: 'positive', prescribed: false }]))[0].data).toMatchObject({ positive: true }));

    it('refuses a screen without results or with a substance twice', () => {
      given([admitted]).when(screen([])).thenThrows(ScreenResultsNotValid);
      given([admitted]).when(screen([
        { substance: 'fentanyl', result: 'negative', prescribed: false },
        { substance: 'fentanyl', result: 'positive', prescribed: false },
      ])).thenThrows(ScreenResultsNotValid);
    });

    it('refuses use on more days than the period has', () =>
      given([admitted]).when({
        type: 'ReportSubstanceUse',
        data: { ...clock, participantId, reportId: '66666666-6666-4666-8666-666666666666', periodDays: 7, substances: [{ substance: 'alcohol', daysUsed: 8 }], recordedBy: 'clinician-1' },
      }).thenThrows(UseReportNotValid));
  });

  describe('lapses, relapses and sobriety', () => {
    it('restarts the sobriety count the day after a relapse', () =>
      expect(eventsOf(relapse('2026-04-10'))).toEqual([
        expect.objectContaining({ type: 'RelapseRecorded' }),
        { type: 'SobrietyStartSet', data: { participantId, startedOn: '2026-04-11', reason: 'relapse', causeId: '33333333-3333-4333-8333-333333333333', setAt: clock.now } },
      ]));

    it('records a lapse without restarting the count by default', () =>
      expect(eventsOf(lapse('2026-04-10')).map((e) => e.type)).toEqual(['LapseRecorded']));

    it('restarts the count on a lapse where the site’s policy says so', () => {
      const events = eventsOf(lapse('2026-04-10', { ...policy, lapseRestartsSobriety: true }));
      expect(events[1]).toMatchObject({ type: 'SobrietyStartSet', data: { startedOn: '2026-04-11', reason: 'lapse-under-site-policy' } });
    });

    it('refuses a relapse in the future or before admission', () => {
      given([admitted]).when(relapse('2026-05-02')).thenThrows(DateInTheFuture);
      given([admitted]).when(relapse('2026-02-27')).thenThrows(BeforeFirstAdmission);
    });

    it('refuses the same relapse twice', () => {
      const events = eventsOf(relapse('2026-04-10'));
      given([admitted, ...events]).when(relapse('2026-04-10')).thenThrows(AlreadyRecorded);
    });

    const started: ParticipantRecordEvent = { type: 'SobrietyStartSet', data: { participantId, startedOn: '2026-03-01', reason: 'set-by-clinician', causeId: null, setAt: clock.now } };
    const milestone = (milestoneDays: number): ParticipantRecordCommand => ({ type: 'RecordMilestone', data: { ...clock, participantId, milestoneDays, policy, recordedBy: 'mentor-1' } });

    it('records a milestone reached, dated from the sobriety date', () =>
      given([admitted, started]).when(milestone(60)).then([
        { type: 'SobrietyMilestoneReached', data: { participantId, milestoneDays: 60, sobrietyStartedOn: '2026-03-01', reachedOn: '2026-04-30', recordedAt: clock.now, recordedBy: 'mentor-1' } },
      ]));

    it('refuses a milestone not reached yet, not in the site policy, twice, or without a date', () => {
      given([admitted, started]).when(milestone(90)).thenThrows(MilestoneNotReachedYet);
      given([admitted, started]).when(milestone(45)).thenThrows(MilestoneNotInSitePolicy);
      const reached = given([admitted, started]).when(milestone(30)).events();
      given([admitted, started, ...reached]).when(milestone(30)).thenThrows(MilestoneAlreadyReached);
      given([admitted]).when(milestone(30)).thenThrows(NoSobrietyDate);
    });

    it('starts milestones afresh after a relapse', () => {
      const reached = [...given([admitted, started]).when(milestone(30)).events(), ...given([admitted, started]).when(milestone(60)).events()];
      const relapsed = eventsOf(relapse('2026-03-20'), [admitted, started, ...reached]);
      const history = [admitted, started, ...reached, ...relapsed];
      // 41 days since 21 March: 30 can be celebrated again, 60 not yet.
      expect(given(history).when(milestone(30)).events()[0].data).toMatchObject({ sobrietyStartedOn: '2026-03-21', reachedOn: '2026-04-20' });
      given(history).when(milestone(60)).thenThrows(MilestoneNotReachedYet);
    });
  });

  describe('care and reintegration', () => {
    const review = (checkpoint: 'intake' | 'follow-up-30'): ParticipantRecordCommand => ({
      type: 'RecordReintegration',
      data: { ...clock, participantId, checkpoint, livingSituation: 'independent', occupation: 'employed-part-time', socialConnectedness: 4, recordedOn: '2026-05-01', recordedBy: 'clinician-1' },
    });

    it('records an intake review, once per admission', () => {
      const events = eventsOf(review('intake'));
      expect(events[0]).toMatchObject({ type: 'ReintegrationRecorded', data: { checkpoint: 'intake' } });
      given([admitted, ...events]).when(review('intake')).thenThrows(AlreadyRecorded);
    });

    it('refuses a follow-up review before discharge, accepts it after', () => {
      given([admitted]).when(review('follow-up-30')).thenThrows(ReintegrationNotDue);
      expect(eventsOf(review('follow-up-30'), [admitted, discharged])).toHaveLength(1);
    });

    it('refuses an emergency visit in the future', () =>
      given([admitted]).when({
        type: 'RecordEmergencyVisit',
        data: { ...clock, participantId, visitId: '77777777-7777-4777-8777-777777777777', visitedOn: '2026-06-01', substanceRelated: true, overdose: false, recordedBy: 'clinician-1' },
      }).thenThrows(DateInTheFuture));

    it('records a readmission', () =>
      expect(eventsOf({
        type: 'RecordReadmission',
        data: { ...clock, participantId, readmissionId: '88888888-8888-4888-8888-888888888888', setting: 'hospital', admittedOn: '2026-04-01', recordedBy: 'clinician-1' },
      })[0]).toMatchObject({ type: 'ReadmissionRecorded', data: { setting: 'hospital' } }));
  });

  describe('facts heard from other services', () => {
    const admit: ParticipantRecordCommand = { type: 'RecordAdmission', data: { ...admitted.data } };
    const discharge: ParticipantRecordCommand = { type: 'RecordDischarge', data: { ...discharged.data } };

    it('records an admission once, however often it is heard', () => {
      given([]).when(admit).then([admitted]);
      given([admitted]).when(admit).then([]);
    });

    it('records a discharge once', () => {
      given([admitted]).when(discharge).then([discharged]);
      given([admitted, discharged]).when(discharge).then([]);
    });

    it('records attendance even before the admission is heard (topics are not ordered together)', () =>
      given([]).when({ type: 'RecordAttendance', data: { ...outcomesEventExamples.SessionAttendanceRecorded.data } }).then([outcomesEventExamples.SessionAttendanceRecorded]));

    it('records every attendance correction heard, even one older than a correction already heard (the read side keeps the newest)', () => {
      const newer = { ...outcomesEventExamples.SessionAttendanceCorrected, data: { ...outcomesEventExamples.SessionAttendanceCorrected.data, revision: 2 } };
      given([outcomesEventExamples.SessionAttendanceRecorded, newer])
        .when({ type: 'RecordAttendanceCorrection', data: { ...outcomesEventExamples.SessionAttendanceCorrected.data } })
        .then([outcomesEventExamples.SessionAttendanceCorrected]);
    });

    it('ignores a repeated match, contact or match end', () => {
      const matched = outcomesEventExamples.MentorMatched;
      given([matched]).when({ type: 'RecordMentorMatch', data: { ...matched.data } }).then([]);
      given([]).when({ type: 'RecordMentorMatchEnded', data: { ...outcomesEventExamples.MentorMatchEnded.data } }).then([]);
      const contact = outcomesEventExamples.MentorContactRecorded;
      given([contact]).when({ type: 'RecordMentorContact', data: { ...contact.data } }).then([]);
    });

    it('a participant known only from attendance is not yet someone clinicians can assess', () =>
      given([outcomesEventExamples.SessionAttendanceRecorded]).when(assessment('GAD-7', [0, 0, 0, 0, 0, 0, 0])).thenThrows(ParticipantNotFound));
  });
});
