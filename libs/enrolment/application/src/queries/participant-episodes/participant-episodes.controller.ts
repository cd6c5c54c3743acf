import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { PersonLevelRead, Roles } from '@alongside/platform/security';
import { PageQuery, type Page } from '@alongside/platform/service-runtime';
import { QueryResponses } from '../../shared/problem-responses';
import type { EpisodeView } from '../episode.view';
import { EpisodePage } from './participant-episodes.dto';
import { GetParticipantEpisodes } from './participant-episodes.query';

@ApiTags('episodes')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/episodes')
export class ParticipantEpisodesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('clinician', 'site-manager')
  @PersonLevelRead({ participantParam: 'id', purpose: 'treatment' })
  @ApiOperation({ summary: "A participant's episodes of care at the site, newest first, with their levels of care" })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiOkResponse({ type: EpisodePage })
  @QueryResponses()
  list(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) participantId: string, @Query() page: PageQuery): Promise<Page<EpisodeView>> {
    return this.queries.execute(new GetParticipantEpisodes(siteId, participantId, page.cursor, page.limit));
  }
}
