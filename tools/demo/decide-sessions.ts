// Mode (b) for sessions: each group's year in order — created, members joining on admission and
// leaving on discharge, weekly sessions scheduled, held and their attendance taken for everyone on
// the roster that day, and the next two weeks scheduled — decided by sessions' own deciders. Billable units are left to the service
// (its billing follows the recorded attendance), so they are never computed twice.
import { ALONGSIDE_EVENTS, siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { sessionsUpcasters, type GroupKind, type WeeklySchedule } from '@alongside/sessions/contracts';
import { groupDecider, groupStream, localDateOf, sessionDecider, sessionStream, type Group } from '@alongside/sessions/domain';
import { DateTime } from 'luxon';
import { v5 as uuidv5 } from 'uuid';
import { PlanCalendar } from './calendar';
import type { GroupPlan, NetworkPlan, SitePlan } from './plan';
import { demoContexts, handleCommand, StreamBuffer } from './store-buffer';

const FACILITATOR = { sub: 'demo-generator', role: 'facilitator' } as const;
const options = { schemaVersions: sessionsUpcasters };

type Step =
  | { day: number; order: 0; kind: 'join' | 'leave'; participantId: string }
  | { day: number; order: 1; kind: 'session'; index: number };

export const decideSessions = async (plan: NetworkPlan): Promise<StreamBuffer> => {
  const buffer = new StreamBuffer();
  const calendar = new PlanCalendar(plan.startsOn);
  for (const site of plan.sites) {
    for (const [g, group] of site.groups.entries()) await decideGroup(buffer, calendar, plan, site, group, g);
  }
  return buffer;
};

const decideGroup = async (buffer: StreamBuffer, calendar: PlanCalendar, plan: NetworkPlan, site: SitePlan, group: GroupPlan, g: number) => {
  const seed = plan.options.seed;
  const siteId = toSiteId(site.siteId);
  const zone = site.timeZone;
  const context = demoContexts(seed, site.siteId, FACILITATOR);
  const stream = groupStream(siteId, group.groupId);
  const createdAt = calendar.instantOf(-1, '12:00', zone);
  await handleCommand(
    buffer, stream, groupDecider,
    {
      type: 'CreateGroup',
      data: {
        groupId: group.groupId,
        name: group.name,
        kind: group.kind as GroupKind,
        facilitator: { ...group.facilitator },
        capacity: group.capacity,
        venue: { kind: 'place', location: `${site.name}, group room ${g + 1}` },
        schedule: { slots: [{ weekday: group.weekday as WeeklySchedule['slots'][number]['weekday'], startTime: group.startTime, durationMinutes: group.minutes }], startsOn: calendar.dayOf(0), endsOn: null, exceptions: [] },
        timeZone: zone,
        at: createdAt,
      },
    },
    context(`${group.groupId}-create`, createdAt), options,
  );

  // Members join the day they are admitted and leave the day after discharge (their last session counts).
  const steps: Step[] = group.sessions.map((session, index) => ({ day: session.day, order: 1, kind: 'session', index }));
  for (const p of site.participants.filter((q) => site.groups[q.groupIndex] === group)) {
    steps.push({ day: p.admittedDay, order: 0, kind: 'join', participantId: p.participantId });
    if (p.discharge) steps.push({ day: p.discharge.day + 1, order: 0, kind: 'leave', participantId: p.participantId });
  }
  steps.sort((a, b) => a.day - b.day || a.order - b.order);

  const peerRecord = group.facilitator.kind === 'peer' ? peerRecordOf(site, group.facilitator.id, calendar) : null;
  let members: readonly string[] = [];
  for (const step of steps) {
    if (step.kind !== 'session') {
      const at = calendar.instantOf(step.day, '08:00', zone);
      const { state } = await handleCommand(
        buffer, stream, groupDecider,
        { type: step.kind === 'join' ? 'EnrolMember' : 'WithdrawMember', data: { participantId: step.participantId, at } },
        context(`${group.groupId}-${step.participantId}-${step.kind}`, at), options,
      );
      members = (state as Extract<Group, { status: 'open' }>).members;
      continue;
    }
    const session = group.sessions[step.index];
    const sessionId = uuidv5(`demo-${seed}-${group.groupId}-${session.day}-session`, ALONGSIDE_EVENTS);
    const sessionOf = sessionStream(siteId, sessionId);
    const startsAt = calendar.instantOf(session.day, group.startTime, zone);
    const endsAt = calendar.instantOf(session.day, group.startTime, zone, group.minutes);
    const scheduledAt = calendar.instantOf(session.day - 7, '12:00', zone);
    await handleCommand(
      buffer, sessionOf, sessionDecider,
      {
        type: 'ScheduleSession',
        data: { sessionId, groupId: group.groupId, groupKind: group.kind as GroupKind, facilitator: { ...group.facilitator }, startsAt, endsAt, localDate: localDateOf(startsAt, zone), timeZone: zone, origin: 'ad-hoc', peerRecord, at: scheduledAt },
      },
      context(`${group.groupId}-${session.day}-session`, scheduledAt), options,
    );
    await handleCommand(
      buffer, sessionOf, sessionDecider,
      { type: 'MarkSessionHeld', data: { startedAt: startsAt, endedAt: endsAt, topic: 'Coping with cravings', at: endsAt } },
      context(`${group.groupId}-${session.day}-held`, endsAt), options,
    );
    // Someone waitlisted is not on the roster: their planned attendance did not happen.
    const entries = session.entries.filter((e) => members.includes(e.participantId)).map((e) => ({ participantId: e.participantId, status: e.status, minutesAttended: e.minutes }));
    if (entries.length === 0) continue;
    await handleCommand(
      buffer, sessionOf, sessionDecider,
      { type: 'RecordAttendance', data: { entries, roster: members, groupNoteId: null, at: endsAt } },
      context(`${group.groupId}-${session.day}-attendance`, endsAt), options,
    );
  }

  // The next two weeks are already on the calendar, so members (and the companion) see what is coming.
  const scheduledAt = calendar.instantOf(plan.days - 1, '12:00', zone);
  for (let day = plan.days; day < plan.days + UPCOMING_DAYS; day++) {
    if (DateTime.fromISO(calendar.dayOf(day)).weekday !== group.weekday) continue;
    const sessionId = uuidv5(`demo-${seed}-${group.groupId}-${day}-session`, ALONGSIDE_EVENTS);
    const startsAt = calendar.instantOf(day, group.startTime, zone);
    await handleCommand(
      buffer, sessionStream(siteId, sessionId), sessionDecider,
      {
        type: 'ScheduleSession',
        data: { sessionId, groupId: group.groupId, groupKind: group.kind as GroupKind, facilitator: { ...group.facilitator }, startsAt, endsAt: calendar.instantOf(day, group.startTime, zone, group.minutes), localDate: localDateOf(startsAt, zone), timeZone: zone, origin: 'ad-hoc', peerRecord, at: scheduledAt },
      },
      context(`${group.groupId}-${day}-session`, scheduledAt), options,
    );
  }
};

const UPCOMING_DAYS = 14;

/** What sessions hears from mentoring about a peer facilitator's certification. */
const peerRecordOf = (site: SitePlan, mentorId: string, calendar: PlanCalendar) => {
  const mentor = site.mentors.find((m) => m.mentorId === mentorId)!;
  return {
    certifications: [
      {
        certificationId: mentor.certificationId,
        validFrom: calendar.instantOf(mentor.certifiedDay, '09:00', site.timeZone),
        expiresAt: calendar.instantOf(mentor.certifiedDay + 730, '09:00', site.timeZone),
        expired: false,
      },
    ],
  };
};
