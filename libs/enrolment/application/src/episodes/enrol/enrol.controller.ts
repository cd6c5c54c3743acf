import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { AboutParticipant, Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { AdmissionDto, EpisodeOpenedDto } from '../admission.dto';
import { EnrolParticipant } from './enrol.command';

@ApiTags('episodes')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/episodes')
export class EnrolController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('clinician', 'site-manager')
  @AboutParticipant('id')
  @ApiOperation({
    summary: 'Enrol a participant: admit them to a programme at an ASAM level of care',
    description: 'One active enrolment per participant per site; the admission day is not after today at the site. A participant treated here before is readmitted instead.',
  })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiCreatedResponse({ type: EpisodeOpenedDto })
  @CommandResponses()
  enrol(
    @Param('siteId') siteId: SiteId,
    @Param('id', new ParseUUIDPipe()) participantId: string,
    @Body() body: AdmissionDto,
    @Origin() origin: CommandOrigin,
  ): Promise<EpisodeOpenedDto> {
    return this.commands.execute(new EnrolParticipant(siteId, participantId, body, origin));
  }
}
