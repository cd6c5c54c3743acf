import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { AboutParticipant, Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { AdmissionDto } from '../admission.dto';
import { ReadmitParticipant } from './readmit.command';
import { ReadmittedDto } from './readmit.dto';

@ApiTags('episodes')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/readmissions')
export class ReadmitController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('clinician', 'site-manager')
  @AboutParticipant('id')
  @ApiOperation({
    summary: 'Readmit a discharged participant: a new episode, linked to the previous one',
    description: 'Not before the previous discharge, not after today at the site.',
  })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiCreatedResponse({ type: ReadmittedDto })
  @CommandResponses()
  readmit(
    @Param('siteId') siteId: SiteId,
    @Param('id', new ParseUUIDPipe()) participantId: string,
    @Body() body: AdmissionDto,
    @Origin() origin: CommandOrigin,
  ): Promise<ReadmittedDto> {
    return this.commands.execute(new ReadmitParticipant(siteId, participantId, body, origin));
  }
}
