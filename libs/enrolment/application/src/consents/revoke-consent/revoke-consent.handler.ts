import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandContext } from '../../shared/command-origin';
import { ParticipantRecords, referenceDataVersion } from '../../participants/participant-records';
import { SiteCalendar } from '../../sites/site-calendar';
import { RevokeConsent } from './revoke-consent.command';
import type { ConsentRevokedDto } from './revoke-consent.dto';

@CommandHandler(RevokeConsent)
export class RevokeConsentHandler implements ICommandHandler<RevokeConsent> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
  ) {}

  async execute({ siteId, participantId, consentId, origin }: RevokeConsent): Promise<ConsentRevokedDto> {
    const { now, clock } = await this.calendar.at(siteId);
    const { events } = await this.records.decide(
      siteId,
      participantId,
      { type: 'RevokeConsent', data: { consentId, now, referenceDataVersion } },
      commandContext(origin, siteId, clock),
    );
    const revoked = events.find((e) => e.type === 'ConsentRevoked');
    return { consentId, revokedAt: revoked?.type === 'ConsentRevoked' ? revoked.data.revokedAt : now.at };
  }
}
