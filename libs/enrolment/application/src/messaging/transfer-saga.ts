import { Inject, Injectable } from '@nestjs/common';
import type { TransferAccepted, TransferDeclined, TransferRequested } from '@alongside/enrolment/contracts';
import type { ParticipantCommand } from '@alongside/enrolment/domain';
import { siteId as asSiteId, type SiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { ENROLMENT_CONFIG, serves, type EnrolmentConfig } from '../config/enrolment-config';
import { ParticipantRecords, referenceDataVersion } from '../participants/participant-records';
import { ENROLMENT_CLOCK, type Clock } from '../shared/clock';

/** The saga records what it heard in the name of the service, not of a person. */
const SAGA_ACTOR = { sub: 'enrolment.transfer-saga', role: 'system' } as const;

/** Recording what another site decided stays right on a newer state: retry a concurrent write. */
const RETRIES_ON_CONFLICT = 5;

/**
 * Both ends of the transfer saga, driven by Kafka (alongside.enrolment.events):
 * - at the destination, a TransferRequested becomes a TransferReceived in the incoming queue;
 * - at the source, a TransferAccepted / TransferDeclined becomes a TransferAnswerReceived (and, on
 *   acceptance, the Discharged that closes the source episode).
 * Each is appended with ids derived from the incoming event's id (the command id is the event id),
 * so a message delivered twice appends nothing the second time, even past the inbox. A deployment
 * acts only on transfers to or from the sites it serves.
 */
@Injectable()
export class TransferSaga {
  constructor(
    private readonly records: ParticipantRecords,
    @Inject(ENROLMENT_CONFIG) private readonly config: EnrolmentConfig,
    @Inject(ENROLMENT_CLOCK) private readonly clock: Clock,
  ) {}

  async heardRequest(event: ConsumedEvent<TransferRequested>): Promise<void> {
    const { data } = event;
    if (!serves(this.config, data.toSiteId)) return;
    const at = this.clock().toISOString();
    await this.record(asSiteId(data.toSiteId), data.participantId, event, at, {
      type: 'RecordTransferReceived',
      data: { siteId: data.toSiteId, request: data, receivedAt: at },
    });
  }

  async heardAnswer(event: ConsumedEvent<TransferAccepted | TransferDeclined>): Promise<void> {
    const { data } = event;
    if (!serves(this.config, data.fromSiteId)) return;
    const at = this.clock().toISOString();
    const answer =
      event.type === 'TransferAccepted'
        ? { kind: 'accepted' as const, answeredAt: event.data.acceptedAt, destinationEpisodeId: event.data.episodeId, admittedOn: event.data.admittedOn }
        : { kind: 'declined' as const, answeredAt: event.data.declinedAt, reason: event.data.reason };
    await this.record(asSiteId(data.fromSiteId), data.participantId, event, at, {
      type: 'RecordTransferAnswer',
      data: { transferId: data.transferId, answer, receivedAt: at, referenceDataVersion },
    });
  }

  private async record(siteId: SiteId, participantId: string, heard: ConsumedEvent, at: string, command: ParticipantCommand): Promise<void> {
    const context: CommandContext = {
      commandId: heard.id,
      siteId,
      correlationId: heard.metadata.correlationId,
      causationId: heard.id,
      actor: SAGA_ACTOR,
      occurredAt: at,
    };
    await this.records.decide(siteId, participantId, command, context, { retriesOnConflict: RETRIES_ON_CONFLICT });
  }
}
