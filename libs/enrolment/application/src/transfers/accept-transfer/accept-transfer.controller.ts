import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { AcceptTransfer } from './accept-transfer.command';
import { AcceptTransferDto, TransferAcceptedDto } from './accept-transfer.dto';

@ApiTags('transfers')
@ApiBearerAuth()
@Controller('sites/:siteId/transfers/incoming/:transferId/acceptance')
export class AcceptTransferController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('clinician', 'site-manager')
  @ApiOperation({
    summary: 'Accept an incoming transfer: the participant is enrolled here',
    description: "The participant's history stays at the sending site and is referenced, not copied. The sending site closes its episode as transferred.",
  })
  @ApiParam({ name: 'siteId', example: 'south' })
  @ApiParam({ name: 'transferId', format: 'uuid' })
  @ApiCreatedResponse({ type: TransferAcceptedDto })
  @CommandResponses()
  accept(
    @Param('siteId') siteId: SiteId,
    @Param('transferId', new ParseUUIDPipe()) transferId: string,
    @Body() body: AcceptTransferDto,
    @Origin() origin: CommandOrigin,
  ): Promise<TransferAcceptedDto> {
    return this.commands.execute(new AcceptTransfer(siteId, transferId, body, origin));
  }
}
