import { CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@alongside/platform/event-store';
import { mentorDecider, mentorStream, type MentorCommand } from '@alongside/mentoring/domain';
import { MentoringLog } from '../shared/mentoring-log';

/** Any command on a mentor's record: the decider holds the rules, this only dispatches. */
export class ChangeMentorRecord implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly mentorId: string,
    readonly command: MentorCommand,
  ) {}
}

@CommandHandler(ChangeMentorRecord)
export class ChangeMentorRecordHandler implements ICommandHandler<ChangeMentorRecord, string[]> {
  constructor(private readonly log: MentoringLog) {}

  async execute({ context, mentorId, command }: ChangeMentorRecord): Promise<string[]> {
    const result = await this.log.handle(mentorStream(context.siteId, mentorId), mentorDecider, command, context);
    return result.events.map((e) => e.type);
  }
}
