import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { Roles } from '@alongside/platform/security';
import { QueryResponses } from '../../shared/problem-responses';
import { SiteConfigurationView } from './site-configuration.dto';
import { GetSiteConfiguration } from './site-configuration.query';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites/:siteId/configuration')
export class SiteConfigurationController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('platform-admin', 'site-manager', 'clinician', 'facilitator', 'peer-mentor')
  @ApiOperation({ summary: "The site's configuration now in force: time zone, programmes, policies" })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiOkResponse({ type: SiteConfigurationView })
  @QueryResponses()
  get(@Param('siteId') siteId: SiteId): Promise<SiteConfigurationView> {
    return this.queries.execute(new GetSiteConfiguration(siteId));
  }
}
