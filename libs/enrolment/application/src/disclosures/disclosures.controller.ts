import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { PersonLevelRead, Roles } from '@alongside/platform/security';
import { QueryResponses } from '../shared/problem-responses';
import { AccountingOfDisclosuresView } from './disclosures.dto';
import { GetAccountingOfDisclosures } from './disclosures.query';

@ApiTags('disclosures')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/disclosures')
export class DisclosuresController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('clinician', 'site-manager')
  @PersonLevelRead({ participantParam: 'id', purpose: 'accounting-of-disclosures' })
  @ApiOperation({ summary: "The accounting of disclosures of the participant's records (42 CFR Part 2), three years, newest first" })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiOkResponse({ type: AccountingOfDisclosuresView })
  @QueryResponses()
  list(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) participantId: string): Promise<AccountingOfDisclosuresView> {
    return this.queries.execute(new GetAccountingOfDisclosures(siteId, participantId));
  }
}
