import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ENROLMENT_CONFIG, type EnrolmentConfig } from '../../config/enrolment-config';
import { commandContext, newIdFor } from '../../shared/command-origin';
import { ParticipantRecords, referenceDataVersion } from '../../participants/participant-records';
import { SiteCalendar } from '../../sites/site-calendar';
import { RequestTransfer } from './request-transfer.command';
import type { TransferRequestedDto } from './request-transfer.dto';

/** The first step of the saga: recorded at the source, published, heard by the destination. */
@CommandHandler(RequestTransfer)
export class RequestTransferHandler implements ICommandHandler<RequestTransfer> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
    @Inject(ENROLMENT_CONFIG) private readonly config: EnrolmentConfig,
  ) {}

  async execute({ siteId, participantId, request, origin }: RequestTransfer): Promise<TransferRequestedDto> {
    const { now, clock } = await this.calendar.at(siteId);
    const transferId = newIdFor(origin, 'transfer');
    const respondBy = new Date(clock.getTime() + this.config.transferResponseHours * 3_600_000).toISOString();
    const { events } = await this.records.decide(
      siteId,
      participantId,
      { type: 'RequestTransfer', data: { transferId, ...request, respondBy, now, referenceDataVersion } },
      commandContext(origin, siteId, clock),
    );
    // On a repeat these are the first request's events: its consent and its time to answer.
    const [requested] = events;
    if (requested?.type !== 'TransferRequested') throw new Error('a transfer request decides a TransferRequested');
    return { transferId, consentId: requested.data.consentId, respondBy: requested.data.respondBy };
  }
}
