import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ConsentExpiry, ConsentRecipient } from '@alongside/enrolment/contracts';
import { commandContext, newIdFor } from '../../shared/command-origin';
import { ParticipantRecords, referenceDataVersion } from '../../participants/participant-records';
import { SiteCalendar } from '../../sites/site-calendar';
import { GrantConsent } from './grant-consent.command';
import type { ConsentExpiryDto, ConsentGrantedDto, ConsentRecipientDto } from './grant-consent.dto';

// The DTO has been validated: each kind carries the field it needs (ValidateIf on the kind).
const recipientOf = (dto: ConsentRecipientDto): ConsentRecipient =>
  dto.kind === 'organisation' ? { kind: 'organisation', organisationName: String(dto.organisationName) } : { kind: dto.kind, siteId: String(dto.siteId) };

const expiryOf = (dto: ConsentExpiryDto): ConsentExpiry =>
  dto.kind === 'date' ? { kind: 'date', on: String(dto.on) } : { kind: 'event', event: dto.event ?? 'discharge' };

@CommandHandler(GrantConsent)
export class GrantConsentHandler implements ICommandHandler<GrantConsent> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
  ) {}

  async execute({ siteId, participantId, consent, origin }: GrantConsent): Promise<ConsentGrantedDto> {
    const { now, clock } = await this.calendar.at(siteId);
    const consentId = newIdFor(origin, 'consent');
    await this.records.decide(
      siteId,
      participantId,
      {
        type: 'GrantConsent',
        data: {
          consentId,
          recipient: recipientOf(consent.recipient),
          purpose: consent.purpose,
          informationCategories: consent.informationCategories,
          expiry: expiryOf(consent.expiry),
          signedOn: consent.signedOn,
          now,
          referenceDataVersion,
        },
      },
      commandContext(origin, siteId, clock),
    );
    return { consentId };
  }
}
