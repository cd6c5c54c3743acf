import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import { CurrentAccess, Roles, type Access } from '@alongside/platform/security';
import { matchDecider, matchStream } from '@alongside/mentoring/domain';
import { commandContext, CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { ZONED } from '../mentors/mentor.dto';
import { actingMentorOf, assertOwnMatch } from '../shared/acting-mentor';
import { MENTORING_CLOCK, type MentoringClock } from '../shared/mentoring-clock';
import { MentoringLog } from '../shared/mentoring-log';
import { CommandResponses } from '../shared/problem-responses';

export class RecordCheckInDto {
  @ApiProperty({ description: 'The scheduled check-in, in days after discharge', example: 7 }) @IsInt() @Min(1) @Max(3650) day!: number;
  @ApiProperty({ format: 'date-time', example: '2025-06-09T15:00:00-04:00' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ZONED, { message: 'heldAt must carry a zone' })
  heldAt!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The contact it was held in, if logged' }) @IsOptional() @IsUUID() contactId?: string;
}

export class CheckInRecordedDto {
  @ApiProperty({ format: 'uuid' }) matchId!: string;
  @ApiProperty({ example: ['AftercareCheckInHeld'] }) recorded!: string[];
}

export class RecordAftercareCheckIn implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly access: Access,
    readonly matchId: string,
    readonly data: RecordCheckInDto,
  ) {}
}

@CommandHandler(RecordAftercareCheckIn)
export class RecordAftercareCheckInHandler implements ICommandHandler<RecordAftercareCheckIn, string[]> {
  constructor(private readonly log: MentoringLog) {}

  async execute({ context, access, matchId, data }: RecordAftercareCheckIn): Promise<string[]> {
    const stream = matchStream(context.siteId, matchId);
    assertOwnMatch(access, await this.log.load(stream, matchDecider));
    const result = await this.log.handle(
      stream,
      matchDecider,
      {
        type: 'RecordAftercareCheckIn',
        data: { day: data.day, heldAt: data.heldAt, contactId: data.contactId ?? null, byMentorId: actingMentorOf(access), at: context.occurredAt },
      },
      context,
    );
    return result.events.map((e) => e.type);
  }
}

@ApiTags('aftercare')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/matches/:matchId/aftercare-check-ins')
export class AftercareController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(MENTORING_CLOCK) private readonly clock: MentoringClock,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('peer-mentor', 'site-manager')
  @ApiOkResponse({ type: CheckInRecordedDto, description: 'AftercareCheckInHeld (and MatchEnded when it was the last)' })
  @CommandResponses()
  async record(
    @Param('siteId') site: string,
    @Param('matchId', ParseUUIDPipe) matchId: string,
    @Body() body: RecordCheckInDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<CheckInRecordedDto> {
    const context = commandContext(origin, toSiteId(site), access.actor, this.clock());
    return { matchId, recorded: await this.commands.execute(new RecordAftercareCheckIn(context, access, matchId, body)) };
  }
}
