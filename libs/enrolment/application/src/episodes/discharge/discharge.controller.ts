import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { AboutParticipant, Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { DischargeParticipant } from './discharge.command';
import { DischargeDto, DischargedDto } from './discharge.dto';

@ApiTags('episodes')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/episodes/:episodeId/discharge')
export class DischargeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('clinician', 'site-manager')
  @AboutParticipant('id')
  @ApiOperation({ summary: 'Discharge: end an episode with its TEDS reason and day', description: 'No discharge before the admission; not after today at the site.' })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiParam({ name: 'episodeId', format: 'uuid' })
  @ApiOkResponse({ type: DischargedDto })
  @CommandResponses()
  discharge(
    @Param('siteId') siteId: SiteId,
    @Param('id', new ParseUUIDPipe()) participantId: string,
    @Param('episodeId', new ParseUUIDPipe()) episodeId: string,
    @Body() body: DischargeDto,
    @Origin() origin: CommandOrigin,
  ): Promise<DischargedDto> {
    return this.commands.execute(new DischargeParticipant(siteId, participantId, episodeId, body, origin));
  }
}
