import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { Roles } from '@alongside/platform/security';
import { QueryResponses } from '../../shared/problem-responses';
import { CensusQueryDto, CensusView } from './census.dto';
import { GetCensus } from './census.query';

@ApiTags('census')
@ApiBearerAuth()
@Controller('sites/:siteId/census')
export class CensusController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('clinician', 'site-manager')
  @ApiOperation({ summary: 'Site census: participants in treatment now, by programme and level of care (counts only)' })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiOkResponse({ type: CensusView })
  @QueryResponses()
  get(@Param('siteId') siteId: SiteId, @Query() query: CensusQueryDto): Promise<CensusView> {
    return this.queries.execute(new GetCensus(siteId, query.programme, query.levelOfCare));
  }
}
