import type { SiteId } from '@alongside/platform/event-sourcing';
import { MemoryEventStore } from '../spec-support/memory-event-store';
import { AuditTrail } from './audit-trail';
import { DisclosureAccounting } from './disclosure-accounting';

const ALICE = '6f1c0b7e-3a59-4d5c-9b0e-2f4a8d1c7e01';
const north = 'north' as SiteId;
const clinician = { sub: 'dr-hale', role: 'clinician' };

describe('Audit trail', () => {
  let store: MemoryEventStore;
  let trail: AuditTrail;

  beforeEach(() => {
    store = new MemoryEventStore();
    trail = new AuditTrail(() => store, 'enrolment', () => new Date('2026-03-01T10:00:00Z'));
  });

  it("appends access records to the participant's audit stream, creating it first", async () => {
    const access = { actor: clinician, siteId: north, participantId: ALICE, purpose: 'treatment', route: '/sites/:siteId/participants/:id', method: 'GET' };
    await trail.recordAccess({ ...access, correlationId: 'c-1' });
    await trail.recordAccess({ ...access, correlationId: 'c-2' });
    expect(store.log.map((e) => [e.streamId, e.streamPosition, e.type, e.metadata.correlationId])).toEqual([
      [`enrolment.audit-north-${ALICE}`, 0n, 'PersonLevelDataRead', 'c-1'],
      [`enrolment.audit-north-${ALICE}`, 1n, 'PersonLevelDataRead', 'c-2'],
    ]);
    expect(store.log[0]).toMatchObject({
      data: { participantId: ALICE, purpose: 'treatment', route: '/sites/:siteId/participants/:id', method: 'GET' },
      metadata: { siteId: 'north', actor: clinician, occurredAt: '2026-03-01T10:00:00.000Z', schemaVersion: 1 },
    });
  });

  it('goes round again when another writer created the stream at the same moment', async () => {
    const append = store.appendToStream.bind(store);
    let raced = false;
    store.appendToStream = async (stream, events, options) => {
      if (!raced && options.expectedVersion === 'no_stream') {
        raced = true;
        await append(stream, [{ ...events[0], id: 'a-concurrent-record' }], { expectedVersion: 'no_stream' });
      }
      return append(stream, events, options);
    };
    await trail.recordAccess({ actor: clinician, siteId: north, participantId: ALICE, purpose: 'treatment', route: '/x', method: 'GET', correlationId: 'c' });
    expect(store.log).toHaveLength(2);
  });

  it('lets an append failure through rather than swallowing it', async () => {
    store.failAppends = true;
    await expect(
      trail.recordAccess({ actor: clinician, siteId: north, participantId: ALICE, purpose: 'treatment', route: '/x', method: 'GET', correlationId: 'c' }),
    ).rejects.toThrow(/simulated/);
  });

  it('refuses a participant id that is not a UUID', async () => {
    await expect(
      trail.recordAccess({ actor: clinician, siteId: north, participantId: '../x', purpose: 'treatment', route: '/x', method: 'GET', correlationId: 'c' }),
    ).rejects.toThrow(TypeError);
  });

  it("states what it expects of the stream, never a silent 'any'", async () => {
    const seen: unknown[] = [];
    const append = store.appendToStream.bind(store);
    store.appendToStream = (stream, events, options) => {
      seen.push(options.expectedVersion);
      return append(stream, events, options);
    };
    await trail.recordAccess({ actor: clinician, siteId: north, participantId: ALICE, purpose: 'treatment', route: '/x', method: 'GET', correlationId: 'c' });
    expect(seen).toEqual(['exists', 'no_stream']);
  });

  describe('accounting of disclosures', () => {
    const disclose = (at: string, recipient: string) =>
      trail.recordDisclosure({
        actor: clinician,
        siteId: north,
        participantId: ALICE,
        kind: 'transfer',
        recipient,
        purpose: 'treatment',
        consentId: 'consent-1',
        information: ['enrolment'],
        correlationId: `c-${recipient}`,
        at: new Date(at),
      });

    it('lists the disclosures of the last three years, newest first, without the access records', async () => {
      await disclose('2022-06-01T00:00:00Z', 'too-old');
      await disclose('2024-01-01T00:00:00Z', 'south');
      await trail.recordAccess({ actor: clinician, siteId: north, participantId: ALICE, purpose: 'treatment', route: '/x', method: 'GET', correlationId: 'c' });
      await disclose('2025-09-01T00:00:00Z', 'county-court');

      const accounting = await new DisclosureAccounting(trail).accountFor(north, ALICE, new Date('2026-03-01T00:00:00Z'));
      expect(accounting).toMatchObject({ participantId: ALICE, siteId: 'north', from: '2023-03-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
      expect(accounting.disclosures).toEqual([
        {
          disclosedAt: '2025-09-01T00:00:00.000Z',
          kind: 'transfer',
          recipient: 'county-court',
          purpose: 'treatment',
          consentId: 'consent-1',
          information: ['enrolment'],
          disclosedBy: clinician,
          correlationId: 'c-county-court',
        },
        expect.objectContaining({ recipient: 'south' }),
      ]);
    });

    it('needs the consent that allowed the disclosure', async () => {
      await expect(
        trail.recordDisclosure({ actor: clinician, siteId: north, participantId: ALICE, kind: 'export', recipient: 'x', purpose: 'p', consentId: '', information: [], correlationId: 'c' }),
      ).rejects.toThrow(/consent/);
    });
  });
});
