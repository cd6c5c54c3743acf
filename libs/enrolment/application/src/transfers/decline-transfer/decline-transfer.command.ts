import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { DeclineTransferDto, TransferDeclinedDto } from './decline-transfer.dto';

export class DeclineTransfer extends Command<TransferDeclinedDto> {
  constructor(
    readonly siteId: SiteId,
    readonly transferId: string,
    readonly decline: DeclineTransferDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
