import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandContext } from '../../shared/command-origin';
import { ParticipantRecords, referenceDataVersion } from '../../participants/participant-records';
import { SiteCalendar } from '../../sites/site-calendar';
import { IncomingTransfers } from '../incoming-transfers';
import { DeclineTransfer } from './decline-transfer.command';
import type { TransferDeclinedDto } from './decline-transfer.dto';

@CommandHandler(DeclineTransfer)
export class DeclineTransferHandler implements ICommandHandler<DeclineTransfer> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
    private readonly incoming: IncomingTransfers,
  ) {}

  async execute({ siteId, transferId, decline, origin }: DeclineTransfer): Promise<TransferDeclinedDto> {
    const participantId = await this.incoming.participantOf(siteId, transferId);
    const { now, clock } = await this.calendar.at(siteId);
    const { events } = await this.records.decide(
      siteId,
      participantId,
      { type: 'DeclineTransfer', data: { transferId, reason: decline.reason, now, referenceDataVersion } },
      commandContext(origin, siteId, clock),
    );
    const declined = events.find((e) => e.type === 'TransferDeclined');
    return { transferId, declinedAt: declined?.type === 'TransferDeclined' ? declined.data.declinedAt : now.at };
  }
}
