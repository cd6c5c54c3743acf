import { Inject, Injectable } from '@nestjs/common';
import type { CheckInEvent, ParticipantRecordEvent } from '@alongside/outcomes/contracts';
import { addDays, lastGroupAttendedOn as lastAttendedOf, milestoneProgress } from '@alongside/outcomes/domain';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { NotFoundHere } from '@alongside/platform/security';
import { participantStream } from '../participant-record/participant-stream';
import { OUTCOMES_CLOCK, type OutcomesClock } from '../shared/outcomes-clock';
import { SitePolicies, siteToday } from '../shared/site-policies';
import { CheckInNotes } from './check-in-notes';
import { checkInStream } from './check-in-stream';
import type { CheckInDto, CompanionDto } from './check-ins.dto';

export type Reader = 'participant' | 'mentor';

/**
 * The participant's own view, read from their two streams rather than the site views: a check-in
 * shows the moment it is sent, and the views may be mid-rebuild. One person's streams are short.
 */
@Injectable()
export class CompanionView {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly notes: CheckInNotes,
    private readonly policies: SitePolicies,
    @Inject(OUTCOMES_CLOCK) private readonly clock: OutcomesClock,
  ) {}

  /** 404 unless the participant was ever admitted at this site (absent and another site's look alike). */
  async record(site: string, participantId: string): Promise<ParticipantRecordEvent[]> {
    const { events } = await this.store.readStream(participantStream(toSiteId(site), participantId));
    const record = events as unknown as ParticipantRecordEvent[];
    if (!record.some((e) => e.type === 'ParticipantAdmitted')) throw new NotFoundHere();
    return record;
  }

  async log(site: string, participantId: string): Promise<CheckInEvent[]> {
    const { events } = await this.store.readStream(checkInStream(toSiteId(site), participantId));
    return events as unknown as CheckInEvent[];
  }

  /** Newest first; notes shown to the participant, and to a mentor only those shared. */
  async checkIns(site: string, participantId: string, reader: Reader, limit = 30): Promise<CheckInDto[]> {
    await this.record(site, participantId);
    const recorded = (await this.log(site, participantId)).flatMap((e) => (e.type === 'CheckInRecorded' ? [e.data] : []));
    const latest = recorded.sort((a, b) => Date.parse(b.checkedInAt) - Date.parse(a.checkedInAt)).slice(0, limit);
    const notes = await this.notes.of(site, participantId, latest.filter((c) => c.hasNote).map((c) => c.checkInId));
    return latest.map((c) => {
      const note = notes.get(c.checkInId);
      const visible = note && (reader === 'participant' || note.shared) ? note.note : null;
      const { hasNote: _hasNote, participantId: _participantId, ...answers } = c;
      return { ...answers, note: visible };
    });
  }

  async companion(site: string, participantId: string): Promise<CompanionDto> {
    const record = await this.record(site, participantId);
    const policy = await this.policies.of(site);
    const today = siteToday(this.clock(), policy.timeZone);
    let startedOn: string | null = null;
    let newStart = false;
    let reached: { days: number; reachedOn: string | null }[] = [];
    let lastMentorContactAt: string | null = null;
    const matches = new Set<string>();
    for (const event of record) {
      switch (event.type) {
        case 'SobrietyStartSet':
          startedOn = event.data.startedOn;
          newStart = event.data.reason !== 'set-by-clinician';
          reached = [];
          break;
        case 'SobrietyMilestoneReached':
          if (event.data.sobrietyStartedOn === startedOn) reached.push({ days: event.data.milestoneDays, reachedOn: event.data.reachedOn });
          break;
        case 'MentorMatched':
          matches.add(event.data.matchId);
          break;
        case 'MentorMatchEnded':
          matches.delete(event.data.matchId);
          break;
        case 'MentorContactRecorded':
          if (!lastMentorContactAt || event.data.contactAt > lastMentorContactAt) lastMentorContactAt = event.data.contactAt;
          break;
      }
    }
    const lastGroupAttendedOn = lastAttendedOf(record.flatMap((e) => (e.type === 'SessionAttendanceRecorded' || e.type === 'SessionAttendanceCorrected' ? [e] : [])));
    const milestoneDays = [...policy.milestoneDays].sort((a, b) => a - b);
    const progress = startedOn ? milestoneProgress(startedOn, today, milestoneDays) : null;
    // Milestones passed count as reached even before a mentor records them: the days are the participant's.
    if (progress && startedOn) {
      for (const days of progress.passed) if (!reached.some((r) => r.days === days)) reached.push({ days, reachedOn: addDays(startedOn, days) });
    }
    const log = await this.log(site, participantId);
    const requests = log.flatMap((e) => (e.type === 'MentorContactRequested' ? [e.data.requestedAt] : [])).sort();
    return {
      participantId,
      siteId: site,
      today,
      startedOn,
      newStart,
      days: progress?.days ?? null,
      nextMilestone: progress?.next ?? null,
      daysToNext: progress && progress.next !== null ? progress.next - progress.days : null,
      reached: reached.sort((a, b) => a.days - b.days),
      milestoneDays,
      lapsePolicy: policy.lapseRestartsSobriety
        ? 'At this clinic, a lapse recorded by your clinician starts the count again. Every new start counts.'
        : 'At this clinic, a brief lapse does not reset your count. A relapse recorded by your clinician begins a new start.',
      lastMentorContactAt,
      hasMentor: matches.size > 0,
      lastContactRequestAt: requests.at(-1) ?? null,
      lastGroupAttendedOn,
      recentCheckIns: await this.checkIns(site, participantId, 'participant', 14),
      whatYourMentorSees: [
        'Your mood, craving and "used today" answers.',
        'Your note only when you tick "share with my mentor".',
        'A gentle flag to reach out if craving is 7 or more three days in a row, if you say you used, or if a week goes by without a check-in after daily ones.',
        'Nothing goes to a clinician automatically.',
      ],
    };
  }
}
