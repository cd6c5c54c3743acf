import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { AcceptTransferDto, TransferAcceptedDto } from './accept-transfer.dto';

export class AcceptTransfer extends Command<TransferAcceptedDto> {
  constructor(
    readonly siteId: SiteId,
    readonly transferId: string,
    readonly admission: AcceptTransferDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
