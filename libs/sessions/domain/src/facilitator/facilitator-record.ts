import { RuleViolated, type Decider } from '@alongside/platform/event-sourcing';
import type { FacilitatorEvent } from '@alongside/sessions/contracts';

export type HeldCertification = Readonly<{ certificationId: string; validFrom: string; expiresAt: string; expired: boolean }>;
/** What sessions has heard from mentoring about one peer's certifications. */
export type FacilitatorRecord = Readonly<{ certifications: readonly HeldCertification[] }>;

export type FacilitatorCommand =
  | { type: 'RecordPeerCertification'; data: { mentorId: string; certificationId: string; credential: string; validFrom: string; expiresAt: string; sourceEventId: string } }
  | { type: 'RecordPeerCertificationExpired'; data: { mentorId: string; certificationId: string; expiredAt: string; sourceEventId: string } };

/** Current on a date: granted by then, not yet expired then, and not declared expired before it. */
export const isCertifiedOn = (record: FacilitatorRecord, instant: string): boolean => {
  const at = Date.parse(instant);
  return record.certifications.some((c) => Date.parse(c.validFrom) <= at && at < Date.parse(c.expiresAt));
};

export class PeerNotCertified extends RuleViolated {
  constructor(readonly mentorId: string, readonly on: string) {
    super(`This peer facilitator has no current certification on ${on.slice(0, 10)}; a peer-led session needs one`);
  }
}

export const facilitatorDecider: Decider<FacilitatorCommand, FacilitatorEvent, FacilitatorRecord> = {
  initialState: () => ({ certifications: [] }),
  // Facts heard from mentoring are recorded as heard; a repeat of the same fact records nothing.
  decide: (command, record) => {
    switch (command.type) {
      case 'RecordPeerCertification': {
        const known = record.certifications.find((c) => c.certificationId === command.data.certificationId);
        if (known && known.expiresAt === command.data.expiresAt && !known.expired) return [];
        return [{ type: 'PeerCertificationRecorded', data: command.data }];
      }
      case 'RecordPeerCertificationExpired': {
        const known = record.certifications.find((c) => c.certificationId === command.data.certificationId);
        if (known?.expired) return [];
        return [{ type: 'PeerCertificationExpired', data: command.data }];
      }
    }
  },
  evolve: (record, event) => {
    switch (event.type) {
      case 'PeerCertificationRecorded': {
        const others = record.certifications.filter((c) => c.certificationId !== event.data.certificationId);
        return { certifications: [...others, { certificationId: event.data.certificationId, validFrom: event.data.validFrom, expiresAt: event.data.expiresAt, expired: false }] };
      }
      case 'PeerCertificationExpired':
        // Expiry ends the certification at the moment mentoring said it lapsed.
        return {
          certifications: record.certifications.map((c) =>
            c.certificationId === event.data.certificationId
              ? { ...c, expired: true, expiresAt: Date.parse(event.data.expiredAt) < Date.parse(c.expiresAt) ? event.data.expiredAt : c.expiresAt }
              : c,
          ),
        };
    }
  },
};
