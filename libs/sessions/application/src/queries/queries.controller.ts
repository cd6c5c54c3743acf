import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { PersonLevelRead, Roles } from '@alongside/platform/security';
import { PageQuery } from '@alongside/platform/service-runtime';
import { QueryResponses } from '../shared/problem-responses';
import { PeriodQuery, UnitsReportQuery, UpcomingQuery } from './queries.dto';
import { SessionsReads } from './sessions-reads';

const csvCell = (value: unknown) => {
  const text = String(value ?? '');
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

@ApiTags('sessions queries')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId')
export class SessionsQueriesController {
  constructor(private readonly reads: SessionsReads) {}

  @Get('facilitators/:facilitatorId/sessions')
  @Roles('facilitator', 'site-manager', 'clinician')
  @ApiOkResponse({ description: "A facilitator's upcoming sessions, soonest first, cursor-paged" })
  @QueryResponses()
  upcoming(@Param('siteId') site: string, @Param('facilitatorId', ParseUUIDPipe) facilitatorId: string, @Query() query: UpcomingQuery) {
    return this.reads.upcomingOf(toSiteId(site), facilitatorId, query.from ?? new Date().toISOString(), query.limit ?? 50, query.cursor);
  }

  @Get('groups/:groupId/roster')
  @Roles('facilitator', 'site-manager', 'clinician')
  @ApiOkResponse({ description: 'The group, its members and its waiting list in order' })
  @QueryResponses()
  roster(@Param('siteId') site: string, @Param('groupId', ParseUUIDPipe) groupId: string) {
    return this.reads.rosterOf(toSiteId(site), groupId);
  }

  @Get('groups/:groupId/sessions')
  @Roles('facilitator', 'site-manager', 'clinician')
  @ApiOkResponse({ description: "The group's sessions with attendance counts, newest first, cursor-paged" })
  @QueryResponses()
  history(@Param('siteId') site: string, @Param('groupId', ParseUUIDPipe) groupId: string, @Query() query: PageQuery) {
    return this.reads.historyOf(toSiteId(site), groupId, query.limit ?? 50, query.cursor);
  }

  @Get('participants/:participantId/attendance')
  @Roles('facilitator', 'site-manager', 'clinician')
  @PersonLevelRead({ participantParam: 'participantId', purpose: 'treatment' })
  @ApiOkResponse({ description: "A participant's attendance, newest first, cursor-paged (an audited person-level read)" })
  @QueryResponses()
  attendance(@Param('siteId') site: string, @Param('participantId', ParseUUIDPipe) participantId: string, @Query() query: PageQuery) {
    return this.reads.attendanceOf(toSiteId(site), participantId, query.limit ?? 50, query.cursor);
  }

  @Get('attendance-rates')
  @Roles('facilitator', 'site-manager', 'clinician')
  @ApiOkResponse({ description: 'Attendance rate by group kind and ISO week of the site calendar' })
  @QueryResponses()
  rates(@Param('siteId') site: string, @Query() query: PeriodQuery) {
    return this.reads.attendanceRates(toSiteId(site), query.from, query.to);
  }

  @Get('billable-units')
  @Roles('site-manager', 'facilitator')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'Billable units of the site in a period (service dates inclusive), JSON or CSV' })
  @Header('Cache-Control', 'no-store')
  @QueryResponses()
  async units(@Param('siteId') site: string, @Query() query: UnitsReportQuery, @Res({ passthrough: true }) response: { type(t: string): void }) {
    const report = await this.reads.unitsReport(toSiteId(site), query.from, query.to);
    if (query.format !== 'csv') return report;
    response.type('text/csv');
    const header = 'service_date,participant_id,code,units,minutes,sessions,payer_rules_ref';
    const lines = report.rows.map((r: Record<string, unknown>) => [r.serviceDate, r.participantId, r.code, r.units, r.minutes, r.sessions, r.payerRulesRef].map(csvCell).join(','));
    return [header, ...lines].join('\n') + '\n';
  }
}
