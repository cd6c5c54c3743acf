import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { Roles } from '@alongside/platform/security';
import { type Page } from '@alongside/platform/service-runtime';
import { QueryResponses } from '../../shared/problem-responses';
import type { EpisodeView } from '../episode.view';
import { EpisodePage } from '../participant-episodes/participant-episodes.dto';
import { SiteEpisodesQueryDto } from './site-episodes.dto';
import { ListSiteEpisodes } from './site-episodes.query';

@ApiTags('census')
@ApiBearerAuth()
@Controller('sites/:siteId/episodes')
export class SiteEpisodesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('clinician', 'site-manager')
  @ApiOperation({ summary: 'Episodes at the site (active by default), filtered by programme and level of care; ids only, no personal details' })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiOkResponse({ type: EpisodePage })
  @QueryResponses()
  list(@Param('siteId') siteId: SiteId, @Query() query: SiteEpisodesQueryDto): Promise<Page<EpisodeView>> {
    return this.queries.execute(new ListSiteEpisodes(siteId, query));
  }
}
