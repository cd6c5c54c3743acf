import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { PersonLevelRead, Roles } from '@alongside/platform/security';
import { SessionsTables } from '../queries/sessions-tables';
import { QueryResponses } from '../shared/problem-responses';
import { SESSIONS_CLOCK, type SessionsClock } from '../shared/sessions-clock';

export class UpcomingSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) groupId!: string;
  @ApiProperty({ example: 'Tuesday peer circle' }) groupName!: string;
  @ApiProperty({ example: 'peer-support' }) groupKind!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Room 2, Riverside centre' }) venue!: string | null;
  @ApiProperty({ nullable: true, type: String }) topic!: string | null;
}

const venueText = (venue: unknown): string | null => {
  if (!venue || typeof venue !== 'object') return null;
  const v = venue as { kind?: string; location?: string };
  return v.kind === 'online' ? 'Online' : (v.location ?? null);
};

/** The participant's own view: the next sessions of the groups they are a member of (not the waiting list). */
@ApiTags('companion: my groups')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/participants/:participantId/upcoming-sessions')
export class ParticipantScheduleController {
  constructor(
    private readonly tables: SessionsTables,
    @Inject(SESSIONS_CLOCK) private readonly clock: SessionsClock,
  ) {}

  @Get()
  @Roles('participant')
  @PersonLevelRead({ participantParam: 'participantId', purpose: 'participant-request' })
  @ApiOkResponse({ type: [UpcomingSessionDto], description: 'Soonest first, at most 10' })
  @QueryResponses()
  async upcoming(@Param('siteId') site: string, @Param('participantId', ParseUUIDPipe) participantId: string): Promise<UpcomingSessionDto[]> {
    const t = await this.tables.tables('session', 'group', 'member');
    if (!t) return [];
    const rows: Record<string, unknown>[] = await this.tables.dataSource.query(
      `select s.session_id, s.group_id, g.name, g.kind, s.starts_at, s.ends_at, g.venue, s.topic
         from ${t.member} m
         join ${t.session} s on s.site_id = m.site_id and s.group_id = m.group_id
         join ${t.group} g on g.site_id = s.site_id and g.group_id = s.group_id
        where m.site_id = $1 and m.participant_id = $2 and m.status = 'member' and s.status = 'scheduled' and s.starts_at >= $3
        order by s.starts_at, s.session_id limit 10`,
      [toSiteId(site), participantId, this.clock().toISOString()],
    );
    return rows.map((r) => ({
      sessionId: String(r['session_id']),
      groupId: String(r['group_id']),
      groupName: String(r['name']),
      groupKind: String(r['kind']),
      startsAt: new Date(r['starts_at'] as string).toISOString(),
      endsAt: new Date(r['ends_at'] as string).toISOString(),
      venue: venueText(r['venue']),
      topic: (r['topic'] as string | null) ?? null,
    }));
  }
}
