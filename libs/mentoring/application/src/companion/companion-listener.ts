import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import type { CheckInRecorded, MentorContactRequested } from '@alongside/outcomes/contracts';
import { riskSignalsDecider, type RiskSignalEvent } from '@alongside/mentoring/domain';
import type { Event } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import type { ConsumedEvent, EventHandler } from '@alongside/platform/messaging-kafka';
import { heardEventContext } from '@alongside/platform/service-runtime';
import { MentoringLog } from '../shared/mentoring-log';
import { CompanionSignals } from './companion-signals';
import { companionStream } from './companion-stream';

/** The outcomes events mentoring hears from the companion app; everything else on the topic is passed over. */
export const HEARD_FROM_COMPANION = ['CheckInRecorded', 'MentorContactRequested'] as const;

const SIGNALS = '8d0f6b0e-4a3c-5d21-9e7a-3b5c1f2e6a90';
const CONTACT_REQUESTED = 'They asked you to get in touch, from their companion app.';

/**
 * Records what the participant's companion said as mentoring's own facts, and puts the risk flags
 * the decider raises on the mentor's caseload. A flag asks the mentor to reach out; it is never
 * an escalation to a clinician, which stays the mentor's own decision.
 */
@Injectable()
export class CompanionListener {
  constructor(
    private readonly log: MentoringLog,
    private readonly signals: CompanionSignals,
  ) {}

  readonly handlers: Readonly<Record<(typeof HEARD_FROM_COMPANION)[number], EventHandler>> = {
    CheckInRecorded: (event, tx) => this.checkIn(event as ConsumedEvent<CheckInRecorded>, tx),
    MentorContactRequested: (event, tx) => this.contactRequested(event as ConsumedEvent<MentorContactRequested>, tx),
  };

  private contextOf(event: ConsumedEvent<Event>): CommandContext {
    return heardEventContext(event, 'mentoring-companion-listener', 'companion');
  }

  private async checkIn(event: ConsumedEvent<CheckInRecorded>, tx: Parameters<EventHandler>[1]): Promise<void> {
    const { data } = event;
    const context = this.contextOf(event);
    const result = await this.log.handle(
      companionStream(context.siteId, data.participantId),
      riskSignalsDecider,
      {
        type: 'NoteCheckIn',
        data: { participantId: data.participantId, checkInId: data.checkInId, checkedInOn: data.checkedInOn, craving: data.craving, usedToday: data.usedToday, heardAt: event.metadata.occurredAt },
      },
      context,
    );
    await this.signals.checkedIn(tx, context.siteId, data.participantId, data.checkedInOn);
    await this.flag(tx, context.siteId, event.id, result.events);
  }

  private async contactRequested(event: ConsumedEvent<MentorContactRequested>, tx: Parameters<EventHandler>[1]): Promise<void> {
    const { data } = event;
    const context = this.contextOf(event);
    await this.log.handle(companionStream(context.siteId, data.participantId), riskSignalsDecider, { type: 'NoteContactRequest', data }, context);
    await this.signals.add(tx, context.siteId, {
      signalId: uuidv5(`${event.id}/request`, SIGNALS),
      participantId: data.participantId,
      kind: 'contact-requested',
      onDay: data.requestedAt.slice(0, 10),
      raisedAt: data.requestedAt,
      explanation: CONTACT_REQUESTED,
    });
  }

  /** The flags a decision raised, on the caseload; ids derived from what caused them, so a replay adds none. */
  async flag(tx: Parameters<EventHandler>[1] | undefined, siteId: string, causeId: string, events: readonly RiskSignalEvent[]): Promise<void> {
    for (const [index, event] of events.entries()) {
      if (event.type !== 'RiskSignalRaised') continue;
      await this.signals.add(tx ?? this.signals.dataSource, siteId, {
        signalId: uuidv5(`${causeId}/${index}`, SIGNALS),
        participantId: event.data.participantId,
        kind: event.data.reason,
        onDay: event.data.onDay,
        raisedAt: event.data.raisedAt,
        explanation: event.data.explanation,
      });
    }
  }
}
