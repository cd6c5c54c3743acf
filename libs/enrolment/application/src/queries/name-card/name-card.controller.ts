import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { PersonLevelRead, Roles } from '@alongside/platform/security';
import { QueryResponses } from '../../shared/problem-responses';
import { NameCardView } from './name-card.dto';
import { GetNameCard } from './name-card.query';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/name-card')
export class NameCardController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('facilitator', 'clinician', 'site-manager')
  @PersonLevelRead({ participantParam: 'id', purpose: 'health-care-operations' })
  @ApiOperation({
    summary: "How to greet a participant: the name they go by, pronouns, language",
    description: "For facilitators running groups, who need no more. Each read is recorded in the participant's audit trail.",
  })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiOkResponse({ type: NameCardView })
  @QueryResponses()
  get(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) participantId: string): Promise<NameCardView> {
    return this.queries.execute(new GetNameCard(siteId, participantId));
  }
}
