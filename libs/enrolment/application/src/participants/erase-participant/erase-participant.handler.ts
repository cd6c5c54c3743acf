import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandContext } from '../../shared/command-origin';
import { PersonalDetailsStore } from '../../personal-details/personal-details.store';
import { SiteCalendar } from '../../sites/site-calendar';
import { ParticipantRecords, referenceDataVersion } from '../participant-records';
import { EraseParticipant } from './erase-participant.command';
import type { ParticipantErasedDto } from './erase-participant.dto';

/**
 * Crypto-shredding. The erasure is recorded first, then the key is deleted: a failure in between
 * leaves the fact recorded and the key to delete, and repeating the request (same Idempotency-Key)
 * deletes it; the reverse order could lose the details without a record of why.
 */
@CommandHandler(EraseParticipant)
export class EraseParticipantHandler implements ICommandHandler<EraseParticipant> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
    private readonly personalDetails: PersonalDetailsStore,
  ) {}

  async execute({ siteId, participantId, origin }: EraseParticipant): Promise<ParticipantErasedDto> {
    const { now, clock } = await this.calendar.at(siteId);
    const { events } = await this.records.decide(
      siteId,
      participantId,
      { type: 'EraseParticipant', data: { now, referenceDataVersion } },
      commandContext(origin, siteId, clock),
    );
    await this.personalDetails.forget(siteId, participantId);
    const erased = events.find((e) => e.type === 'ParticipantErased');
    return { participantId, erasedAt: erased?.type === 'ParticipantErased' ? erased.data.erasedAt : now.at };
  }
}
