import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { DeclineTransfer } from './decline-transfer.command';
import { DeclineTransferDto, TransferDeclinedDto } from './decline-transfer.dto';

@ApiTags('transfers')
@ApiBearerAuth()
@Controller('sites/:siteId/transfers/incoming/:transferId/decline')
export class DeclineTransferController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('clinician', 'site-manager')
  @ApiOperation({ summary: 'Decline an incoming transfer, with the reason', description: 'The sending site hears it; its episode stays open.' })
  @ApiParam({ name: 'siteId', example: 'south' })
  @ApiParam({ name: 'transferId', format: 'uuid' })
  @ApiOkResponse({ type: TransferDeclinedDto })
  @CommandResponses()
  decline(
    @Param('siteId') siteId: SiteId,
    @Param('transferId', new ParseUUIDPipe()) transferId: string,
    @Body() body: DeclineTransferDto,
    @Origin() origin: CommandOrigin,
  ): Promise<TransferDeclinedDto> {
    return this.commands.execute(new DeclineTransfer(siteId, transferId, body, origin));
  }
}
