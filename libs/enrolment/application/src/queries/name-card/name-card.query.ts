import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { NotFoundHere } from '@alongside/platform/security';
import { PersonalDetailsStore } from '../../personal-details/personal-details.store';
import { EnrolmentTables } from '../enrolment-tables';
import type { ParticipantRecord } from '../participant/participant.query';
import type { NameCardView } from './name-card.dto';

export class GetNameCard extends Query<NameCardView> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
  ) {
    super();
  }
}

/** The preferred (or given) name and the initial of the family name: enough to greet, no more. */
@QueryHandler(GetNameCard)
export class GetNameCardHandler implements IQueryHandler<GetNameCard> {
  constructor(
    private readonly tables: EnrolmentTables,
    private readonly personalDetails: PersonalDetailsStore,
  ) {}

  async execute({ siteId, participantId }: GetNameCard): Promise<NameCardView> {
    const [row] = await this.tables.query<ParticipantRecord>('participant', (t) => `SELECT * FROM ${t} WHERE site_id = $1 AND participant_id = $2`, [
      siteId,
      participantId,
    ]);
    if (!row) throw new NotFoundHere();
    const revealed = row.erased_at ? null : await this.personalDetails.reveal(participantId, row.details_id);
    if (!revealed || revealed.erased) return { participantId, displayName: null };
    const { preferredName, givenName, familyName, pronouns, preferredLanguage } = revealed.details;
    const first = preferredName ?? givenName ?? '';
    const initial = familyName ? ` ${familyName.charAt(0)}.` : '';
    return {
      participantId,
      displayName: `${first}${initial}`.trim() || null,
      ...(pronouns !== undefined && { pronouns }),
      ...(preferredLanguage !== undefined && { preferredLanguage }),
    };
  }
}
