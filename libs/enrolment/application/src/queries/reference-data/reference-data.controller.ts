import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { CURRENT_REFERENCE_DATA_VERSION, REFERENCE_DATA_VERSIONS, type ReferenceData } from '@alongside/enrolment/contracts';
import { Roles } from '@alongside/platform/security';
import { NotFoundHere } from '@alongside/platform/security';
import { QueryResponses } from '../../shared/problem-responses';

export class ReferenceDataQuery {
  @ApiPropertyOptional({ example: 1, description: 'A past version, to read old events in the words they were decided in; default the current one' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

/** Reference data is the same for every site; it is read at a site like everything else. */
@ApiTags('reference data')
@ApiBearerAuth()
@Controller('sites/:siteId/reference-data')
export class ReferenceDataController {
  @Get()
  @Roles('platform-admin', 'site-manager', 'clinician', 'facilitator', 'peer-mentor')
  @ApiOperation({ summary: 'ASAM levels, programmes, TEDS discharge reasons, referral sources, consent purposes… with their labels, by version' })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiOkResponse({ description: 'One version of the reference data' })
  @QueryResponses()
  get(@Param('siteId') _siteId: string, @Query() query: ReferenceDataQuery): ReferenceData {
    const data = REFERENCE_DATA_VERSIONS[query.version ?? CURRENT_REFERENCE_DATA_VERSION];
    if (!data) throw new NotFoundHere();
    return data;
  }
}
