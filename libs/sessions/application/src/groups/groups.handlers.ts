import { CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@alongside/platform/event-store';
import type { Facilitator, GroupKind, Venue, WeeklySchedule } from '@alongside/sessions/contracts';
import { groupDecider, groupStream } from '@alongside/sessions/domain';
import { SessionPlanning } from '../shared/session-planning';
import { SessionsLog } from '../shared/sessions-log';

export class CreateGroup implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly data: { groupId: string; name: string; kind: GroupKind; facilitator: Facilitator; capacity: number; venue: Venue; schedule: WeeklySchedule },
  ) {}
}

@CommandHandler(CreateGroup)
export class CreateGroupHandler implements ICommandHandler<CreateGroup, string> {
  constructor(
    private readonly log: SessionsLog,
    private readonly planning: SessionPlanning,
  ) {}

  async execute({ context, data }: CreateGroup): Promise<string> {
    const settings = await this.planning.settingsOf(context.siteId);
    const { state } = await this.log.handle(
      groupStream(context.siteId, data.groupId),
      groupDecider,
      { type: 'CreateGroup', data: { ...data, timeZone: settings?.timeZone ?? null, at: context.occurredAt } },
      context,
    );
    return state.status === 'open' ? state.timeZone : '';
  }
}

export class ChangeMembership implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly type: 'EnrolMember' | 'WithdrawMember',
    readonly groupId: string,
    readonly participantId: string,
  ) {}
}

@CommandHandler(ChangeMembership)
export class ChangeMembershipHandler implements ICommandHandler<ChangeMembership, string[]> {
  constructor(private readonly log: SessionsLog) {}

  async execute({ context, type, groupId, participantId }: ChangeMembership): Promise<string[]> {
    const result = await this.log.handle(groupStream(context.siteId, groupId), groupDecider, { type, data: { participantId, at: context.occurredAt } }, context);
    return result.events.map((e) => e.type);
  }
}
