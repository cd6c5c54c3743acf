import { CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { CommandContext } from '@alongside/platform/event-store';
import { PiiVault, type Access } from '@alongside/platform/security';
import type { ContactKind } from '@alongside/mentoring/contracts';
import { matchDecider, matchStream, PEER_SUPPORT_BILLING } from '@alongside/mentoring/domain';
import type { Repository } from 'typeorm';
import { actingMentorOf, assertOwnMatch } from '../shared/acting-mentor';
import { MentoringLog } from '../shared/mentoring-log';
import { ContactNote } from './contact-note.entity';

export class LogContact implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly access: Access,
    readonly matchId: string,
    readonly data: { contactId: string; kind: ContactKind; minutes: number; contactAt: string; note: string | undefined },
  ) {}
}

@CommandHandler(LogContact)
export class LogContactHandler implements ICommandHandler<LogContact, string[]> {
  constructor(
    private readonly log: MentoringLog,
    private readonly vault: PiiVault,
    @InjectRepository(ContactNote) private readonly notes: Repository<ContactNote>,
  ) {}

  async execute({ context, access, matchId, data }: LogContact): Promise<string[]> {
    const stream = matchStream(context.siteId, matchId);
    const match = await this.log.load(stream, matchDecider);
    assertOwnMatch(access, match);
    const { note, ...contact } = data;
    const result = await this.log.handle(
      stream,
      matchDecider,
      {
        type: 'LogContact',
        data: { ...contact, hasNote: note !== undefined, byMentorId: actingMentorOf(access), billing: PEER_SUPPORT_BILLING, at: context.occurredAt },
      },
      context,
    );
    // Sealed after the decision, keyed by contact id: a retry rewrites the same row, and a note
    // is never stored for a contact the rules refused.
    if (note !== undefined && result.events.length > 0 && match.status !== 'none') {
      const sealed = await this.vault.encryptFields(match.participantId, context.siteId, { note }, ['note']);
      await this.notes.upsert({ siteId: context.siteId, contactId: data.contactId, participantId: match.participantId, sealed: sealed.note }, ['siteId', 'contactId']);
    }
    return result.events.map((e) => e.type);
  }
}
