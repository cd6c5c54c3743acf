import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { Roles } from '@alongside/platform/security';
import { type Page } from '@alongside/platform/service-runtime';
import { QueryResponses } from '../../shared/problem-responses';
import { TransferPage, TransfersQueryDto, type TransferView } from './transfers.dto';
import { ListTransfers } from './transfers.query';

@ApiTags('transfers')
@ApiBearerAuth()
@Controller('sites/:siteId/transfers')
export class TransfersController {
  constructor(private readonly queries: QueryBus) {}

  @Get('incoming')
  @Roles('clinician', 'site-manager')
  @ApiOperation({ summary: 'Incoming transfer requests: the queue this site answers', description: 'Filter pending, overdue (pending past their time to answer), accepted or declined.' })
  @ApiParam({ name: 'siteId', example: 'south' })
  @ApiOkResponse({ type: TransferPage })
  @QueryResponses()
  incoming(@Param('siteId') siteId: SiteId, @Query() query: TransfersQueryDto): Promise<Page<TransferView>> {
    return this.queries.execute(new ListTransfers(siteId, 'incoming', query));
  }

  @Get('outgoing')
  @Roles('clinician', 'site-manager')
  @ApiOperation({ summary: 'Transfers this site requested, and their answers' })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiOkResponse({ type: TransferPage })
  @QueryResponses()
  outgoing(@Param('siteId') siteId: SiteId, @Query() query: TransfersQueryDto): Promise<Page<TransferView>> {
    return this.queries.execute(new ListTransfers(siteId, 'outgoing', query));
  }
}
