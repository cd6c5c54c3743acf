import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { RequestTransferDto, TransferRequestedDto } from './request-transfer.dto';

export class RequestTransfer extends Command<TransferRequestedDto> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
    readonly request: RequestTransferDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
