import { Injectable } from '@nestjs/common';
import type { ContactLogged, MatchAccepted, MatchEnded } from '@alongside/mentoring/contracts';
import type { HeardFrom } from '@alongside/outcomes/contracts';
import type { Event } from '@alongside/platform/event-sourcing';
import type { ConsumedEvent, EventHandler } from '@alongside/platform/messaging-kafka';
import { HeardFactRecorder } from './heard-fact-recorder';

/** The mentoring events outcomes hears: who is mentored (matches) and how often they meet (contacts). */
export const HEARD_FROM_MENTORING = ['MatchAccepted', 'MatchEnded', 'ContactLogged'] as const;

const heardFrom = (event: ConsumedEvent<Event>): HeardFrom => ({ context: 'mentoring', eventId: event.id, eventType: event.type });

@Injectable()
export class MentoringListener {
  constructor(private readonly recorder: HeardFactRecorder) {}

  readonly handlers: Readonly<Record<(typeof HEARD_FROM_MENTORING)[number], EventHandler>> = {
    MatchAccepted: async (event) => {
      const { data } = event as ConsumedEvent<MatchAccepted>;
      await this.recorder.record(
        { type: 'RecordMentorMatch', data: { participantId: data.participantId, matchId: data.matchId, mentorId: data.mentorId, matchedAt: data.acceptedAt, heardFrom: heardFrom(event) } },
        this.recorder.contextOf(event, 'mentoring'),
      );
    },
    MatchEnded: async (event) => {
      const { data } = event as ConsumedEvent<MatchEnded>;
      await this.recorder.record(
        { type: 'RecordMentorMatchEnded', data: { participantId: data.participantId, matchId: data.matchId, mentorId: data.mentorId, endedAt: data.endedAt, heardFrom: heardFrom(event) } },
        this.recorder.contextOf(event, 'mentoring'),
      );
    },
    ContactLogged: async (event) => {
      const { data } = event as ConsumedEvent<ContactLogged>;
      await this.recorder.record(
        {
          type: 'RecordMentorContact',
          data: {
            participantId: data.participantId,
            contactId: data.contactId,
            matchId: data.matchId,
            mentorId: data.mentorId,
            kind: data.kind,
            minutes: data.minutes,
            contactAt: data.contactAt,
            heardFrom: heardFrom(event),
          },
        },
        this.recorder.contextOf(event, 'mentoring'),
      );
    },
  };
}
