import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { AboutParticipant, Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { ChangeLevelOfCare } from './change-level-of-care.command';
import { ChangeLevelOfCareDto, LevelOfCareChangedDto } from './change-level-of-care.dto';

@ApiTags('episodes')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/episodes/:episodeId/level-of-care-changes')
export class ChangeLevelOfCareController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('clinician', 'site-manager')
  @AboutParticipant('id')
  @ApiOperation({ summary: 'Change the level of care of an active episode, with the reason' })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiParam({ name: 'episodeId', format: 'uuid' })
  @ApiCreatedResponse({ type: LevelOfCareChangedDto })
  @CommandResponses()
  change(
    @Param('siteId') siteId: SiteId,
    @Param('id', new ParseUUIDPipe()) participantId: string,
    @Param('episodeId', new ParseUUIDPipe()) episodeId: string,
    @Body() body: ChangeLevelOfCareDto,
    @Origin() origin: CommandOrigin,
  ): Promise<LevelOfCareChangedDto> {
    return this.commands.execute(new ChangeLevelOfCare(siteId, participantId, episodeId, body, origin));
  }
}
