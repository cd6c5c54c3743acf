import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { PersonLevelRead, Roles } from '@alongside/platform/security';
import { QueryResponses } from '../../shared/problem-responses';
import { ParticipantView } from './participant.dto';
import { GetParticipant } from './participant.query';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id')
export class ParticipantController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('clinician', 'site-manager')
  @PersonLevelRead({ participantParam: 'id', purpose: 'treatment' })
  @ApiOperation({ summary: "A participant's record here: details (or erased), status, current episode", description: 'Each read is recorded in the audit trail.' })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiOkResponse({ type: ParticipantView })
  @QueryResponses()
  get(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) participantId: string): Promise<ParticipantView> {
    return this.queries.execute(new GetParticipant(siteId, participantId));
  }
}
