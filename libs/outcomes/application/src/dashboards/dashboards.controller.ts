import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import type { DashboardFacets, DashboardVersion, EngagementView, RelapseView, RetentionView, WellbeingView } from '@alongside/outcomes/contracts';
import { Roles } from '@alongside/platform/security';
import { OUTCOMES_CLOCK, type OutcomesClock } from '../shared/outcomes-clock';
import { QueryResponses } from '../shared/problem-responses';
import { SitePolicies, siteToday } from '../shared/site-policies';
import { DashboardFiltersDto } from './dashboard-filters.dto';
import { DashboardFacetsQuery } from './dashboard-facets';
import { DashboardVersions } from './dashboard-version';
import { SiteDashboardQuery, type DashboardKind } from './site-dashboard.query';

/**
 * A site's live dashboards (DESIGN §6): aggregates only, for the people who run the site. The page
 * polls `version` and fetches the views again when it moves.
 */
@ApiTags('dashboards')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/dashboards')
@Roles('clinician', 'site-manager')
export class DashboardsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly policies: SitePolicies,
    private readonly versions: DashboardVersions,
    private readonly facets: DashboardFacetsQuery,
    @Inject(OUTCOMES_CLOCK) private readonly clock: OutcomesClock,
  ) {}

  @Get('version')
  @ApiOkResponse({ description: 'The last log position projected for this site; changes whenever a view may have' })
  @QueryResponses()
  version(@Param('siteId') siteId: string): Promise<DashboardVersion> {
    return this.versions.of(siteId);
  }

  @Get('facets')
  @ApiOkResponse({ description: "The programmes, levels of care and admission months the site's filters can choose from" })
  @QueryResponses()
  facetsOf(@Param('siteId') siteId: string): Promise<DashboardFacets> {
    return this.facets.of(siteId);
  }

  @Get('retention')
  @ApiOkResponse({ description: 'Census, weekly admissions and discharges, discharge reasons, time in treatment (Kaplan–Meier), 30/60/90-day retention by cohort' })
  @ApiServiceUnavailableResponse({ description: 'The views are still being built' })
  @QueryResponses()
  retention(@Param('siteId') siteId: string, @Query() filters: DashboardFiltersDto): Promise<RetentionView> {
    return this.view('retention', siteId, filters) as Promise<RetentionView>;
  }

  @Get('relapse')
  @ApiOkResponse({ description: 'Relapses and lapses per 1,000 participant-days, time to first relapse, screens, mentored vs not (an association), attendance dose' })
  @ApiServiceUnavailableResponse({ description: 'The views are still being built' })
  @QueryResponses()
  relapse(@Param('siteId') siteId: string, @Query() filters: DashboardFiltersDto): Promise<RelapseView> {
    return this.view('relapse', siteId, filters) as Promise<RelapseView>;
  }

  @Get('engagement')
  @ApiOkResponse({ description: 'Sessions and attendance by group kind, mentor contacts per participant-week, caseloads, open safety alerts' })
  @ApiServiceUnavailableResponse({ description: 'The views are still being built' })
  @QueryResponses()
  engagement(@Param('siteId') siteId: string, @Query() filters: DashboardFiltersDto): Promise<EngagementView> {
    return this.view('engagement', siteId, filters) as Promise<EngagementView>;
  }

  @Get('wellbeing')
  @ApiOkResponse({ description: 'PHQ-9, GAD-7, BARC-10 intake vs latest and band movement; outcomes after discharge' })
  @ApiServiceUnavailableResponse({ description: 'The views are still being built' })
  @QueryResponses()
  wellbeing(@Param('siteId') siteId: string, @Query() filters: DashboardFiltersDto): Promise<WellbeingView> {
    return this.view('wellbeing', siteId, filters) as Promise<WellbeingView>;
  }

  private async view(kind: DashboardKind, siteId: string, filters: DashboardFiltersDto) {
    const policy = await this.policies.of(siteId);
    return this.queries.execute(new SiteDashboardQuery(kind, siteId, { ...filters }, siteToday(this.clock(), policy.timeZone)));
  }
}
