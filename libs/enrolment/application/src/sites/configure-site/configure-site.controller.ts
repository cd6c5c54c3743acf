import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { ConfigureSite } from './configure-site.command';
import { ConfigureSiteDto, SiteConfiguredDto } from './configure-site.dto';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites/:siteId/configuration')
export class ConfigureSiteController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @HttpCode(200)
  @Roles('platform-admin')
  @ApiOperation({
    summary: "Configure the site (or reconfigure it): time zone, programmes, milestone and lapse policy, follow-up schedule, payer rules",
    description: 'Published as SiteConfigured so that every service knows the site. A configuration identical to the current one records nothing.',
  })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiOkResponse({ type: SiteConfiguredDto })
  @CommandResponses()
  configure(@Param('siteId') siteId: SiteId, @Body() body: ConfigureSiteDto, @Origin() origin: CommandOrigin): Promise<SiteConfiguredDto> {
    return this.commands.execute(new ConfigureSite(siteId, body, origin));
  }
}
