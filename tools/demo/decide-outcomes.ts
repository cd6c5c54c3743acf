// Mode (b) for outcomes. A participant's outcome record holds both what clinicians record there
// (sobriety start dates, assessments, drug screens, lapses, relapses, reintegration reviews) and what outcomes' consumers record on hearing the
// other services (admissions, discharges, attendance, mentor matches and contacts). Both are
// decided here in the order they happened, the heard ones exactly as the consumers would decide
// them — same command ids (the heard event's id), actor and metadata — so when the consumers later
// hear those events they find them recorded and append nothing.
import type { Discharged, Enrolled } from '@alongside/enrolment/contracts';
import type { ContactLogged, MatchAccepted } from '@alongside/mentoring/contracts';
import { OUTCOMES_STREAM_CATEGORIES, outcomesUpcasters, type LivingSituation, type Occupation, type ScreenedSubstance, type Specimen, type Substance } from '@alongside/outcomes/contracts';
import { participantRecordDecider, type ParticipantRecordCommand, type SitePolicy } from '@alongside/outcomes/domain';
import { ALONGSIDE_EVENTS, siteId as toSiteId, streamName, type RecordedEvent } from '@alongside/platform/event-sourcing';
import type { AttendanceRecorded } from '@alongside/sessions/contracts';
import { v5 as uuidv5 } from 'uuid';
import { PlanCalendar } from './calendar';
import type { NetworkPlan } from './plan';
import { DEMO_MILESTONE_POLICY } from './site-configuration';
import { demoContexts, handleCommand, StreamBuffer, type CommandContext } from './store-buffer';

const CLINICIAN = { sub: 'demo-generator', role: 'clinician' } as const;
const options = { schemaVersions: outcomesUpcasters };

/** The decided events of the services outcomes hears. */
export type HeardServices = Readonly<{ enrolment: StreamBuffer; sessions: StreamBuffer; mentoring: StreamBuffer }>;

type Fact = Readonly<{ at: number; command: ParticipantRecordCommand; context: CommandContext }>;

const consumerContext = (event: RecordedEvent, consumer: string): CommandContext => ({
  commandId: event.id,
  correlationId: event.metadata.correlationId,
  causationId: event.id,
  siteId: toSiteId(event.metadata.siteId),
  actor: { sub: `outcomes.${consumer}`, role: 'system' },
  occurredAt: event.metadata.occurredAt,
});

const heardFrom = (event: RecordedEvent, context: 'enrolment' | 'sessions' | 'mentoring') => ({ context, eventId: event.id, eventType: event.type });

/** What outcomes' consumers record of each heard event, keyed by site and participant. */
const heardFacts = (heard: HeardServices): Map<string, Fact[]> => {
  const facts = new Map<string, Fact[]>();
  const add = (event: RecordedEvent, participantId: string, command: ParticipantRecordCommand, consumer: string) => {
    const key = `${event.metadata.siteId}/${participantId}`;
    const list = facts.get(key) ?? [];
    list.push({ at: Date.parse(event.metadata.occurredAt), command, context: consumerContext(event, consumer) });
    facts.set(key, list);
  };
  for (const event of heard.enrolment.events()) {
    if (event.type === 'Enrolled') {
      const { data } = event as unknown as Enrolled;
      add(event, data.participantId, {
        type: 'RecordAdmission',
        data: { participantId: data.participantId, episodeId: data.episodeId, admittedOn: data.admittedOn, programme: data.programme, levelOfCare: data.levelOfCare, referralSource: data.referralSource, transferredIn: data.transferredFrom !== null, heardFrom: heardFrom(event, 'enrolment') },
      }, 'enrolment');
    } else if (event.type === 'Discharged') {
      const { data } = event as unknown as Discharged;
      add(event, data.participantId, { type: 'RecordDischarge', data: { participantId: data.participantId, episodeId: data.episodeId, dischargedOn: data.dischargedOn, reason: data.reason, heardFrom: heardFrom(event, 'enrolment') } }, 'enrolment');
    }
  }
  for (const event of heard.sessions.events()) {
    if (event.type !== 'AttendanceRecorded') continue;
    const { data } = event as unknown as AttendanceRecorded;
    add(event, data.participantId, {
      type: 'RecordAttendance',
      data: { participantId: data.participantId, sessionId: data.sessionId, groupKind: data.groupKind, heldOn: data.localDate, status: data.status, minutes: data.minutesAttended, heardFrom: heardFrom(event, 'sessions') },
    }, 'sessions');
  }
  for (const event of heard.mentoring.events()) {
    if (event.type === 'MatchAccepted') {
      const { data } = event as unknown as MatchAccepted;
      add(event, data.participantId, { type: 'RecordMentorMatch', data: { participantId: data.participantId, matchId: data.matchId, mentorId: data.mentorId, matchedAt: data.acceptedAt, heardFrom: heardFrom(event, 'mentoring') } }, 'mentoring');
    } else if (event.type === 'ContactLogged') {
      const { data } = event as unknown as ContactLogged;
      add(event, data.participantId, {
        type: 'RecordMentorContact',
        data: { participantId: data.participantId, contactId: data.contactId, matchId: data.matchId, mentorId: data.mentorId, kind: data.kind, minutes: data.minutes, contactAt: data.contactAt, heardFrom: heardFrom(event, 'mentoring') },
      }, 'mentoring');
    }
  }
  return facts;
};

export const decideOutcomes = async (plan: NetworkPlan, heard: HeardServices): Promise<StreamBuffer> => {
  const buffer = new StreamBuffer();
  const calendar = new PlanCalendar(plan.startsOn);
  const seed = plan.options.seed;
  const heardOf = heardFacts(heard);
  for (const site of plan.sites) {
    const siteId = toSiteId(site.siteId);
    const zone = site.timeZone;
    const policy: SitePolicy = { milestoneDays: [...DEMO_MILESTONE_POLICY.milestoneDays], lapseRestartsSobriety: DEMO_MILESTONE_POLICY.lapseRestartsCount, timeZone: zone };
    const context = demoContexts(seed, site.siteId, CLINICIAN);
    for (const p of site.participants) {
      const stream = streamName('outcomes', OUTCOMES_STREAM_CATEGORIES.participant, siteId, p.participantId);
      const recordedBy = CLINICIAN.sub;
      const clock = (day: number, time: string, plusMinutes = 0) => {
        const now = calendar.instantOf(day, time, zone, plusMinutes);
        return { now, today: calendar.dayOf(day), at: Date.parse(now) };
      };
      const fact = (what: string, day: number, time: string, build: (c: { now: string; today: string }) => ParticipantRecordCommand, plusMinutes = 0): Fact => {
        const { now, today, at } = clock(day, time, plusMinutes);
        return { at, command: build({ now, today }), context: context(`${p.participantId}-${what}`, now) };
      };
      const idOf = (what: string) => uuidv5(`demo-${seed}-${p.participantId}-${what}`, ALONGSIDE_EVENTS);
      const facts: Fact[] = [
        ...(heardOf.get(`${site.siteId}/${p.participantId}`) ?? []),
        // The clinician sets the sobriety start date at intake; a relapse later begins a new count.
        fact('sobriety-start', p.admittedDay, '09:30', (c) => ({ type: 'SetSobrietyStart', data: { ...c, participantId: p.participantId, startedOn: c.today } })),
        ...p.assessments.map((a, n) =>
          fact(`assessment-${n}`, a.day, '10:00', (c) => ({
            type: 'RecordAssessment',
            data: { ...c, recordedBy, participantId: p.participantId, assessmentId: idOf(`assessment-${n}`), alertId: idOf(`safety-alert-${n}`), instrument: a.instrument, items: [...a.items], difficulty: null, administeredAt: c.now },
          }), n % 2),
        ),
        ...p.screens.map((s, n) =>
          fact(`screen-${n}`, s.day, '09:00', (c) => ({
            type: 'RecordDrugScreen',
            data: { ...c, recordedBy, participantId: p.participantId, screenId: idOf(`screen-${n}`), specimen: s.specimen as Specimen, collectedAt: c.now, results: s.results.map((r): ScreenedSubstance => ({ substance: r.substance as Substance, result: r.result, prescribed: false })) },
          })),
        ),
        ...p.lapses.map((day, n) =>
          fact(`lapse-${n}`, day, '12:00', (c) => ({
            type: 'RecordLapse',
            data: { ...c, recordedBy, participantId: p.participantId, lapseId: idOf(`lapse-${n}`), occurredOn: c.today, substances: [p.primarySubstance as Substance], policy },
          })),
        ),
        ...p.relapses.map((day, n) =>
          fact(`relapse-${n}`, day, '12:00', (c) => ({
            type: 'RecordRelapse',
            data: { ...c, recordedBy, participantId: p.participantId, relapseId: idOf(`relapse-${n}`), occurredOn: c.today, substances: [p.primarySubstance as Substance] },
          })),
        ),
        ...p.reintegration.map((r) =>
          // The discharge review comes after the discharge is heard (16:00 that day).
          fact(`reintegration-${r.checkpoint}`, r.day, r.checkpoint === 'intake' ? '09:45' : '17:00', (c) => ({
            type: 'RecordReintegration',
            data: { ...c, recordedBy, participantId: p.participantId, checkpoint: r.checkpoint, livingSituation: r.livingSituation as LivingSituation, occupation: r.occupation as Occupation, socialConnectedness: r.socialConnectedness, recordedOn: c.today },
          })),
        ),
      ];
      // Stable sort: facts at the same instant keep heard-before-recorded order.
      facts.sort((a, b) => a.at - b.at);
      for (const f of facts) await handleCommand(buffer, stream, participantRecordDecider, f.command, f.context, options);
    }
  }
  return buffer;
};
