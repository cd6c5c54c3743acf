import fc from 'fast-check';
import { DomainError, fold } from '@alongside/platform/event-sourcing';
import { isAfter } from '../calendar/calendar-day';
import { enrol, grant, history, on, registerAna, requestTransfer, revoke } from '../testing/participant-fixtures';
import { isConsentActive } from './consent-activity';
import { participantDecider } from './participant.decider';
import { NoTransferConsent } from './transfer.errors';

const dayFrom = (offset: number) => new Date(Date.UTC(2025, 2, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe('Consent activity combined with transfers', () => {
  it('a transfer is requested exactly when a consent naming that site for a transfer is active that day', () =>
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            site: fc.constantFrom('south', 'east'),
            purpose: fc.constantFrom('transfer', 'care-coordination'),
            expiresIn: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
            revokedAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
          }),
          { maxLength: 4 },
        ),
        fc.integer({ min: 0, max: 40 }),
        (consents, askAfter) => {
          let events = history(registerAna({ now: on(dayFrom(0)) }), enrol({ admittedOn: dayFrom(0), now: on(dayFrom(0)) }));
          const revocations: { consentId: string; day: number }[] = [];
          consents.forEach((c, i) => {
            const consentId = `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
            const command = grant({
              consentId,
              purpose: c.purpose,
              recipient: { kind: 'site', siteId: c.site },
              signedOn: dayFrom(0),
              now: on(dayFrom(0)),
              expiry: c.expiresIn === undefined ? { kind: 'event', event: 'discharge' } : { kind: 'date', on: dayFrom(c.expiresIn) },
            });
            events = [...events, ...participantDecider.decide(command, fold(participantDecider, events))];
            if (c.revokedAfter !== undefined) revocations.push({ consentId, day: c.revokedAfter });
          });
          for (const r of revocations.filter((r) => r.day <= askAfter).sort((a, b) => a.day - b.day)) {
            try {
              events = [...events, ...participantDecider.decide(revoke({ consentId: r.consentId, now: on(dayFrom(r.day)) }), fold(participantDecider, events))];
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
            }
          }
          const today = dayFrom(askAfter);
          const state = fold(participantDecider, events);
          const expected = state.consents.some(
            (c) => c.purpose === 'transfer' && c.recipient.kind === 'site' && c.recipient.siteId === 'south' && isConsentActive(c, today),
          );
          const ask = () =>
            participantDecider.decide(requestTransfer({ now: on(today), respondBy: `${dayFrom(askAfter + 3)}T00:00:00.000Z` }), state);
          if (expected) expect(ask()[0].type).toBe('TransferRequested');
          else expect(ask).toThrow(NoTransferConsent);
          // And the rule itself: active while not revoked and not past its expiry day.
          for (const c of state.consents) {
            const pastExpiry = c.expiry.kind === 'date' && isAfter(today, c.expiry.on);
            expect(isConsentActive(c, today)).toBe(c.revokedAt === null && c.endedOn === null && !pastExpiry);
          }
        },
      ),
      { numRuns: 300 },
    ));
});
