import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandContext, newIdFor } from '../../shared/command-origin';
import { ParticipantRecords, referenceDataVersion } from '../../participants/participant-records';
import { SiteCalendar } from '../../sites/site-calendar';
import { IncomingTransfers } from '../incoming-transfers';
import { AcceptTransfer } from './accept-transfer.command';
import type { TransferAcceptedDto } from './accept-transfer.dto';

/** At the destination: a new enrolment here; the source hears it on Kafka and closes its episode. */
@CommandHandler(AcceptTransfer)
export class AcceptTransferHandler implements ICommandHandler<AcceptTransfer> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
    private readonly incoming: IncomingTransfers,
  ) {}

  async execute({ siteId, transferId, admission, origin }: AcceptTransfer): Promise<TransferAcceptedDto> {
    const participantId = await this.incoming.participantOf(siteId, transferId);
    const { terms, now, clock } = await this.calendar.at(siteId);
    const episodeId = newIdFor(origin, 'episode');
    await this.records.decide(
      siteId,
      participantId,
      { type: 'AcceptTransfer', data: { transferId, episodeId, ...admission, site: terms, now, referenceDataVersion } },
      commandContext(origin, siteId, clock),
    );
    return { transferId, participantId, episodeId };
  }
}
