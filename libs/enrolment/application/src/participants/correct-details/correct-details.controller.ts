import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { AboutParticipant, Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { detailsOf } from '../details-of';
import { DetailsCorrectionDto } from '../personal-details.dto';
import { CorrectParticipantDetails } from './correct-details.command';
import { DetailsCorrectedDto } from './correct-details.dto';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/details-corrections')
export class CorrectDetailsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('clinician', 'site-manager')
  @AboutParticipant('id')
  @ApiOperation({
    summary: "Correct a participant's details",
    description: 'Records a new version of the details (the previous versions stay); give only the fields that change.',
  })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiCreatedResponse({ type: DetailsCorrectedDto })
  @CommandResponses()
  correct(
    @Param('siteId') siteId: SiteId,
    @Param('id', new ParseUUIDPipe()) participantId: string,
    @Body() body: DetailsCorrectionDto,
    @Origin() origin: CommandOrigin,
  ): Promise<DetailsCorrectedDto> {
    return this.commands.execute(new CorrectParticipantDetails(siteId, participantId, detailsOf(body), origin));
  }
}
