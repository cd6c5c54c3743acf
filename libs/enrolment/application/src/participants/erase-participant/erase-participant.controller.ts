import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { EraseParticipant } from './erase-participant.command';
import { ParticipantErasedDto } from './erase-participant.dto';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/erasure')
export class EraseParticipantController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('site-manager')
  @ApiOperation({
    summary: "Erase a participant's personal details (crypto-shredding)",
    description: 'Their events stay; their details read as erased everywhere from now on. Refused while they are in treatment here.',
  })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiOkResponse({ type: ParticipantErasedDto })
  @CommandResponses()
  erase(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) participantId: string, @Origin() origin: CommandOrigin): Promise<ParticipantErasedDto> {
    return this.commands.execute(new EraseParticipant(siteId, participantId, origin));
  }
}
