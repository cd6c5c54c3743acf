import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { CurrentActor, Roles } from '@alongside/platform/security';
import type { Actor } from '@alongside/platform/event-sourcing';
import { type Page } from '@alongside/platform/service-runtime';
import { QueryResponses } from '../../shared/problem-responses';
import { CorrelationId } from '../../shared/correlation-id';
import { FindParticipantsQueryDto, ParticipantMatchPage, type ParticipantMatchView } from './find-participants.dto';
import { FindParticipants } from './find-participants.query';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('sites/:siteId/participants')
export class FindParticipantsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('clinician', 'site-manager')
  @ApiOperation({
    summary: 'Find participants at the site by name',
    description: 'Through a blind index (whole words, any order). Each person shown is recorded as a person-level read in their audit trail.',
  })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiOkResponse({ type: ParticipantMatchPage })
  @QueryResponses()
  find(
    @Param('siteId') siteId: SiteId,
    @Query() query: FindParticipantsQueryDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<Page<ParticipantMatchView>> {
    return this.queries.execute(
      new FindParticipants(siteId, query.name, query.cursor, query.limit, { actor, correlationId, route: '/sites/:siteId/participants' }),
    );
  }
}
