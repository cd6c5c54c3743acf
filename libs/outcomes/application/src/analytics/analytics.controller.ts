import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AnalystCrossTable, AnalystMeasuresTable } from '@alongside/outcomes/contracts';
import { Aggregated, CurrentPrincipal, NotFoundHere, Roles, type Principal } from '@alongside/platform/security';
import { OutcomeTables } from '../dashboards/outcome-tables';
import { OUTCOMES_CLOCK, type OutcomesClock } from '../shared/outcomes-clock';
import { QueryResponses } from '../shared/problem-responses';
import { AnalystQueryDto } from './analyst-query.dto';
import { crossTableCsv, dischargeReasonsTable, measuresCsv, measuresTable } from './analyst-tables';

/** The part of Express's response the CSV answers need. */
type Response = { setHeader(name: string, value: string): unknown };

/**
 * The analyst API (DESIGN §6): the same measures as the dashboards, across the analyst's sites and
 * cohorts, as JSON or CSV. Aggregated and small-cell suppressed; no person-level row ever.
 */
@ApiTags('analytics')
@Controller('analytics')
@Roles('analyst')
@Aggregated()
export class AnalyticsController {
  constructor(
    private readonly tables: OutcomeTables,
    @Inject(OUTCOMES_CLOCK) private readonly clock: OutcomesClock,
  ) {}

  @Get('measures')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'Admissions, retention, relapses per 1,000 participant-days, screens… by cohort, suppressed' })
  @QueryResponses()
  async measures(@Query() query: AnalystQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<AnalystMeasuresTable | string> {
    const table = await this.tables.snapshot((reader) => measuresTable(reader, sitesOf(query, principal), query.by, filtersOf(query), this.clock().toISOString().slice(0, 10)));
    return query.format === 'csv' ? csv(response, measuresCsv(table), `outcome-measures-by-${query.by}.csv`) : table;
  }

  @Get('discharge-reasons')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'Discharges by cohort and TEDS reason with margins, suppressed' })
  @QueryResponses()
  async dischargeReasons(@Query() query: AnalystQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<AnalystCrossTable | string> {
    const table = await this.tables.snapshot((reader) => dischargeReasonsTable(reader, sitesOf(query, principal), query.by, filtersOf(query)));
    return query.format === 'csv' ? csv(response, crossTableCsv(table), `discharge-reasons-by-${query.by}.csv`) : table;
  }
}

const filtersOf = ({ by: _by, format: _format, sites: _sites, ...filters }: AnalystQueryDto) => filters;

/** The sites asked for, each of which must be the token's: another site answers 404, as everywhere. */
const sitesOf = (query: AnalystQueryDto, principal: Principal): readonly string[] => {
  if (!query.sites) return principal.sites;
  const asked = [...new Set(query.sites.split(','))];
  if (asked.some((site) => !principal.sites.includes(site as never))) throw new NotFoundHere();
  return asked;
};

const csv = (response: Response, body: string, filename: string): string => {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return body;
};
