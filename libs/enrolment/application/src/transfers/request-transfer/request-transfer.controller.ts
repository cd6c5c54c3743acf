import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { AboutParticipant, Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { RequestTransfer } from './request-transfer.command';
import { RequestTransferDto, TransferRequestedDto } from './request-transfer.dto';

@ApiTags('transfers')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/transfers')
export class RequestTransferController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('clinician', 'site-manager')
  @AboutParticipant('id')
  @ApiOperation({
    summary: 'Ask another site of the network to take the participant over',
    description:
      'Refused without an active consent naming the receiving site for a transfer. The receiving site sees the request in its incoming queue; ' +
      'if it accepts, the episode here closes as "transferred"; if it declines, the episode stays open.',
  })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiCreatedResponse({ type: TransferRequestedDto })
  @CommandResponses()
  request(
    @Param('siteId') siteId: SiteId,
    @Param('id', new ParseUUIDPipe()) participantId: string,
    @Body() body: RequestTransferDto,
    @Origin() origin: CommandOrigin,
  ): Promise<TransferRequestedDto> {
    return this.commands.execute(new RequestTransfer(siteId, participantId, body, origin));
  }
}
