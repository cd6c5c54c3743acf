import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { CurrentAccess, NotFoundHere, PersonLevelRead, Roles, type Access } from '@alongside/platform/security';
import { RESOURCE_CATEGORIES, type ResourceCategory } from '@alongside/mentoring/contracts';
import { PageQuery } from '@alongside/platform/service-runtime';
import { actingMentorOf } from '../shared/acting-mentor';
import { MENTORING_CLOCK, type MentoringClock } from '../shared/mentoring-clock';
import { QueryResponses } from '../shared/problem-responses';
import { mentorStream, participantStream } from '@alongside/mentoring/domain';
import { MentoringLog } from '../shared/mentoring-log';
import { MentoringReads } from './mentoring-read.queries';

export class EscalationsQuery extends PageQuery {
  @ApiPropertyOptional({ default: true, description: 'Only escalations not yet resolved' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
}

export class ResourcesQuery {
  @ApiPropertyOptional({ enum: RESOURCE_CATEGORIES }) @IsOptional() @IsIn(RESOURCE_CATEGORIES) category?: ResourceCategory;
}

const LIMIT = 50;

@ApiTags('mentoring views')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId')
export class MentoringQueriesController {
  constructor(
    private readonly reads: MentoringReads,
    private readonly log: MentoringLog,
    @Inject(MENTORING_CLOCK) private readonly clock: MentoringClock,
  ) {}

  @Get('workforce')
  @Roles('site-manager')
  @ApiOkResponse({ description: 'Every mentor with certification (current / due soon / lapsed) and supervision (up to date / overdue) compliance' })
  @QueryResponses()
  workforce(@Param('siteId') site: string, @Query() page: PageQuery) {
    return this.reads.workforce(toSiteId(site), this.clock(), page.cursor, page.limit ?? LIMIT);
  }

  @Get('mentors/:mentorId/caseload')
  @Roles('site-manager', 'peer-mentor')
  @ApiOkResponse({ description: "A mentor's open matches with last contact, days since, open escalations and aftercare check-ins" })
  @QueryResponses()
  async caseload(@Param('siteId') site: string, @Param('mentorId', ParseUUIDPipe) mentorId: string, @Query() page: PageQuery, @CurrentAccess() access: Access) {
    const own = actingMentorOf(access);
    // A peer mentor sees their own caseload only; another's answers as if it did not exist.
    if (own !== null && own !== mentorId) throw new NotFoundHere();
    // Another site's mentor answers 404 like an absent one, not an empty caseload.
    if (!(await this.log.exists(mentorStream(toSiteId(site), mentorId)))) throw new NotFoundHere();
    return this.reads.caseload(toSiteId(site), mentorId, this.clock(), page.cursor, page.limit ?? LIMIT);
  }

  @Get('escalations')
  @Roles('clinician', 'site-manager')
  @ApiOkResponse({ description: 'Escalations, newest first; `overdue` when unacknowledged past their deadline' })
  @QueryResponses()
  escalations(@Param('siteId') site: string, @Query() query: EscalationsQuery) {
    return this.reads.escalations(toSiteId(site), query.open ?? true, this.clock(), query.cursor, query.limit ?? LIMIT);
  }

  @Get('participants/:participantId/mentoring')
  @Roles('site-manager', 'clinician', 'peer-mentor')
  @PersonLevelRead({ participantParam: 'participantId', purpose: 'peer-support' })
  @ApiOkResponse({ description: "A participant's mentoring history: matches, contacts (no notes), referrals, escalations" })
  @QueryResponses()
  async history(@Param('siteId') site: string, @Param('participantId', ParseUUIDPipe) participantId: string) {
    // Mentoring knows a participant from the consent enrolment sent it: none at this site, 404.
    if (!(await this.log.exists(participantStream(toSiteId(site), participantId)))) throw new NotFoundHere();
    return this.reads.history(toSiteId(site), participantId);
  }

  @Get('community-resources')
  @Roles('site-manager', 'peer-mentor', 'clinician')
  @ApiOkResponse({ description: "The site's resource directory (withdrawn entries left out)" })
  @QueryResponses()
  async resources(@Param('siteId') site: string, @Query() query: ResourcesQuery) {
    return { items: await this.reads.resources(toSiteId(site), query.category) };
  }
}
