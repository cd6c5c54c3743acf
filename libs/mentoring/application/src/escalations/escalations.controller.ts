import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import { CurrentAccess, Roles, type Access } from '@alongside/platform/security';
import { ESCALATION_RESOLUTIONS, RISKS, URGENCIES, type EscalationResolution, type Risk, type Urgency } from '@alongside/mentoring/contracts';
import {
  escalationDecider,
  escalationStream,
  matchDecider,
  matchStream,
  programmeDecider,
  programmeStream,
  type EscalationCommand,
} from '@alongside/mentoring/domain';
import { commandContext, CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { actingMentorOf, assertOwnMatch } from '../shared/acting-mentor';
import { newIdFor } from '../shared/command-origin';
import { MENTORING_CLOCK, type MentoringClock } from '../shared/mentoring-clock';
import { MentoringLog } from '../shared/mentoring-log';
import { CommandResponses } from '../shared/problem-responses';

export class RaiseEscalationDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() escalationId?: string;
  @ApiProperty({ enum: RISKS }) @IsIn(RISKS) risk!: Risk;
  @ApiProperty({ enum: URGENCIES }) @IsIn(URGENCIES) urgency!: Urgency;
}

export class ResolveEscalationDto {
  @ApiProperty({ enum: ESCALATION_RESOLUTIONS }) @IsIn(ESCALATION_RESOLUTIONS) resolution!: EscalationResolution;
}

export class EscalationRecordedDto {
  @ApiProperty({ format: 'uuid' }) escalationId!: string;
  @ApiProperty({ example: ['EscalatedToClinician'] }) recorded!: string[];
}

export class RaiseEscalation implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly access: Access,
    readonly matchId: string,
    readonly escalationId: string,
    readonly data: RaiseEscalationDto,
  ) {}
}

@CommandHandler(RaiseEscalation)
export class RaiseEscalationHandler implements ICommandHandler<RaiseEscalation, string[]> {
  constructor(private readonly log: MentoringLog) {}

  async execute({ context, access, matchId, escalationId, data }: RaiseEscalation): Promise<string[]> {
    const { siteId, occurredAt: at } = context;
    const [match, programme] = await Promise.all([
      this.log.load(matchStream(siteId, matchId), matchDecider),
      this.log.load(programmeStream(siteId), programmeDecider),
    ]);
    assertOwnMatch(access, match);
    const result = await this.log.handle(
      escalationStream(siteId, escalationId),
      escalationDecider,
      { type: 'RaiseEscalation', data: { escalationId, match, byMentorId: actingMentorOf(access), risk: data.risk, urgency: data.urgency, policy: programme.policy, at } },
      context,
    );
    return result.events.map((e) => e.type);
  }
}

export class AnswerEscalation implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly escalationId: string,
    readonly command: EscalationCommand,
  ) {}
}

@CommandHandler(AnswerEscalation)
export class AnswerEscalationHandler implements ICommandHandler<AnswerEscalation, string[]> {
  constructor(private readonly log: MentoringLog) {}

  async execute({ context, escalationId, command }: AnswerEscalation): Promise<string[]> {
    const result = await this.log.handle(escalationStream(context.siteId, escalationId), escalationDecider, command, context);
    return result.events.map((e) => e.type);
  }
}

@ApiTags('escalations')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId')
export class EscalationsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(MENTORING_CLOCK) private readonly clock: MentoringClock,
  ) {}

  @Post('matches/:matchId/escalations')
  @Roles('peer-mentor', 'site-manager')
  @ApiCreatedResponse({ type: EscalationRecordedDto, description: 'EscalatedToClinician' })
  @CommandResponses()
  async raise(
    @Param('siteId') site: string,
    @Param('matchId', ParseUUIDPipe) matchId: string,
    @Body() body: RaiseEscalationDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<EscalationRecordedDto> {
    const escalationId = body.escalationId ?? newIdFor(origin, 'escalation');
    const context = commandContext(origin, toSiteId(site), access.actor, this.clock());
    return { escalationId, recorded: await this.commands.execute(new RaiseEscalation(context, access, matchId, escalationId, body)) };
  }

  @Post('escalations/:escalationId/acknowledgement')
  @HttpCode(200)
  @Roles('clinician')
  @ApiOkResponse({ type: EscalationRecordedDto, description: 'EscalationAcknowledged' })
  @CommandResponses()
  async acknowledge(
    @Param('siteId') site: string,
    @Param('escalationId', ParseUUIDPipe) escalationId: string,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<EscalationRecordedDto> {
    const now = this.clock();
    const context = commandContext(origin, toSiteId(site), access.actor, now);
    const command: EscalationCommand = { type: 'AcknowledgeEscalation', data: { clinicianId: access.principal.sub, at: now.toISOString() } };
    return { escalationId, recorded: await this.commands.execute(new AnswerEscalation(context, escalationId, command)) };
  }

  @Post('escalations/:escalationId/resolution')
  @HttpCode(200)
  @Roles('clinician')
  @ApiOkResponse({ type: EscalationRecordedDto, description: 'EscalationResolved (and EscalationAcknowledged if it was not yet)' })
  @CommandResponses()
  async resolve(
    @Param('siteId') site: string,
    @Param('escalationId', ParseUUIDPipe) escalationId: string,
    @Body() body: ResolveEscalationDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<EscalationRecordedDto> {
    const now = this.clock();
    const context = commandContext(origin, toSiteId(site), access.actor, now);
    const command: EscalationCommand = {
      type: 'ResolveEscalation',
      data: { clinicianId: access.principal.sub, resolution: body.resolution, at: now.toISOString() },
    };
    return { escalationId, recorded: await this.commands.execute(new AnswerEscalation(context, escalationId, command)) };
  }
}
