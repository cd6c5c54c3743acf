// The generator's network as outcomes' own log: each planned participant's record decided by
// outcomes' participant-record decider in memory (the exact events, metadata and derived ids the
// service writes when it hears of an admission or a clinician records a screen), then appended a
// stream at a time through the store's batched append (the generator's `appendStreams`). The
// dashboards read only outcomes' read models, which the projection builds from this log alone.
import { outcomesUpcasters } from '@alongside/outcomes/contracts';
import { participantRecordDecider, type ParticipantRecordCommand, type SitePolicy } from '@alongside/outcomes/domain';
import { participantStream } from '@alongside/outcomes/application';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { v5 as uuidFrom } from 'uuid';
import { PlanCalendar } from '../../tools/demo/calendar';
import { StreamBuffer } from '../../tools/demo/into-stores';
import type { SitePlan } from '../../tools/demo/plan';
import { handleCommand, type CommandContext } from '../../tools/demo/store-buffer';

type Dated = Readonly<{ day: number; at: string; what: string; command: ParticipantRecordCommand }>;

// Fact ids are UUIDs in the read models: derived from the plan's ids, so a rebuilt network has the same ones.
const NAMESPACE = '6f1f4d1e-4a53-4c7b-9a0e-2b5c1e0d7a11';
const idOf = (...parts: (string | number)[]): string => uuidFrom(parts.join('/'), NAMESPACE);

const heard = (context: 'enrolment' | 'sessions' | 'mentoring', eventType: string, eventId: string) => ({ context, eventType, eventId });

/** Every fact of a site's plan that outcomes records, decided into a buffer of streams. */
export const decideOutcomesOfSite = async (site: SitePlan, startsOn: string, seed: number): Promise<StreamBuffer> => {
  const buffer = new StreamBuffer();
  const calendar = new PlanCalendar(startsOn);
  const zone = site.timeZone;
  const siteId = toSiteId(site.siteId);
  const policy: SitePolicy = { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsSobriety: false, timeZone: zone };
  const attendance = new Map<string, { day: number; sessionId: string; groupKind: string; status: 'present' | 'late' | 'absent'; minutes: number }[]>();
  site.groups.forEach((group) =>
    group.sessions.forEach((session, n) =>
      session.entries.forEach((entry) => {
        const list = attendance.get(entry.participantId) ?? [];
        list.push({ day: session.day, sessionId: idOf(group.groupId, 'session', n), groupKind: group.kind, status: entry.status, minutes: entry.minutes });
        attendance.set(entry.participantId, list);
      }),
    ),
  );
  for (const p of site.participants) {
    const id = p.participantId;
    const by = `clinician-${site.siteId}`;
    const clock = (day: number, time: string) => ({ now: calendar.instantOf(day, time, zone), today: calendar.dayOf(day) });
    const facts: Dated[] = [
      {
        day: p.admittedDay,
        at: '09:00',
        what: 'admission',
        command: {
          type: 'RecordAdmission',
          data: { participantId: id, episodeId: id, admittedOn: calendar.dayOf(p.admittedDay), programme: p.programme, levelOfCare: p.levelOfCare, referralSource: p.referralSource, transferredIn: false, heardFrom: heard('enrolment', 'Enrolled', idOf(id, 'enrolled')) },
        },
      },
      ...(p.match
        ? [{ day: p.match.day, at: '12:00', what: 'match', command: { type: 'RecordMentorMatch', data: { participantId: id, matchId: p.match.matchId, mentorId: p.match.mentorId, matchedAt: calendar.instantOf(p.match.day, '12:00', zone), heardFrom: heard('mentoring', 'MatchAccepted', idOf(p.match.matchId, 'accepted')) } } } as Dated]
        : []),
      ...p.contacts.map((c, n): Dated => ({
        day: c.day,
        at: '15:00',
        what: `contact-${n}`,
        command: { type: 'RecordMentorContact', data: { participantId: id, contactId: idOf(id, 'contact', n), matchId: p.match?.matchId ?? id, mentorId: p.match?.mentorId ?? id, kind: c.kind, minutes: c.minutes, contactAt: calendar.instantOf(c.day, '15:00', zone), heardFrom: heard('mentoring', 'ContactLogged', idOf(id, 'contact', n)) } },
      })),
      ...(attendance.get(id) ?? []).map((a, n): Dated => ({
        day: a.day,
        at: '18:00',
        what: `attendance-${n}`,
        command: { type: 'RecordAttendance', data: { participantId: id, sessionId: a.sessionId, groupKind: a.groupKind, heldOn: calendar.dayOf(a.day), status: a.status, minutes: a.minutes, heardFrom: heard('sessions', 'AttendanceRecorded', idOf(a.sessionId, id)) } },
      })),
      ...p.assessments.map((a, n): Dated => ({
        day: a.day,
        at: '10:00',
        what: `assessment-${n}`,
        command: { type: 'RecordAssessment', data: { ...clock(a.day, '10:30'), recordedBy: by, participantId: id, assessmentId: idOf(id, 'assessment', n), alertId: idOf(id, 'alert', n), instrument: a.instrument, items: [...a.items], difficulty: null, administeredAt: calendar.instantOf(a.day, '10:00', zone) } },
      })),
      ...p.screens.map((s, n): Dated => ({
        day: s.day,
        at: '09:00',
        what: `screen-${n}`,
        command: { type: 'RecordDrugScreen', data: { ...clock(s.day, '09:30'), recordedBy: by, participantId: id, screenId: idOf(id, 'screen', n), specimen: s.specimen as never, collectedAt: calendar.instantOf(s.day, '09:00', zone), results: s.results.map((r) => ({ substance: r.substance as never, result: r.result, prescribed: false })) } },
      })),
      ...p.lapses.map((day, n): Dated => ({
        day,
        at: '11:00',
        what: `lapse-${n}`,
        command: { type: 'RecordLapse', data: { ...clock(day, '11:00'), recordedBy: by, participantId: id, lapseId: idOf(id, 'lapse', n), occurredOn: calendar.dayOf(day), substances: [p.primarySubstance as never], policy } },
      })),
      ...p.relapses.map((day, n): Dated => ({
        day,
        at: '11:30',
        what: `relapse-${n}`,
        command: { type: 'RecordRelapse', data: { ...clock(day, '11:30'), recordedBy: by, participantId: id, relapseId: idOf(id, 'relapse', n), occurredOn: calendar.dayOf(day), substances: [p.primarySubstance as never] } },
      })),
      ...(p.discharge
        ? [{ day: p.discharge.day, at: '16:00', what: 'discharge', command: { type: 'RecordDischarge', data: { participantId: id, episodeId: id, dischargedOn: calendar.dayOf(p.discharge.day), reason: p.discharge.reason as never, heardFrom: heard('enrolment', 'Discharged', idOf(id, 'discharged')) } } } as Dated]
        : []),
    ];
    // The order things happened in (admission first on its day, discharge last): the decider's rules hold.
    facts.sort((a, b) => a.day - b.day || (a.what === 'admission' ? -1 : b.what === 'admission' ? 1 : 0) || (a.what === 'discharge' ? 1 : b.what === 'discharge' ? -1 : 0) || a.at.localeCompare(b.at));
    for (const fact of facts) {
      const occurredAt = calendar.instantOf(fact.day, fact.at, zone);
      const context: CommandContext = {
        commandId: `scale-${seed}-${id}-${fact.what}`,
        correlationId: `scale-${seed}-${id}-${fact.what}`,
        siteId,
        actor: { sub: by, role: 'clinician' },
        occurredAt,
      };
      await handleCommand(buffer, participantStream(siteId, id), participantRecordDecider, fact.command, context, { schemaVersions: outcomesUpcasters });
    }
    // The in-memory loop only ever awaits microtasks; yielding once per participant lets the previous
    // site's appends (pg sockets) make progress meanwhile, so deciding and appending overlap.
    await yieldToIo();
  }
  return buffer;
};
