import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { PersonLevelRead, Roles } from '@alongside/platform/security';
import { type Page } from '@alongside/platform/service-runtime';
import { QueryResponses } from '../../shared/problem-responses';
import { ConsentPage, ConsentsQueryDto, type ConsentView } from './consents.dto';
import { ListConsents } from './consents.query';

@ApiTags('consents')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/consents')
export class ConsentsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('clinician', 'site-manager')
  @PersonLevelRead({ participantParam: 'id', purpose: 'treatment' })
  @ApiOperation({ summary: "A participant's consents (active ones by default), newest first" })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiOkResponse({ type: ConsentPage })
  @QueryResponses()
  list(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) participantId: string, @Query() query: ConsentsQueryDto): Promise<Page<ConsentView>> {
    return this.queries.execute(new ListConsents(siteId, participantId, query));
  }
}
