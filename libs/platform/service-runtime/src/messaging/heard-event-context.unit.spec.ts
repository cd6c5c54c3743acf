import { randomUUID } from 'node:crypto';
import type { Event } from '@alongside/platform/event-sourcing';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { heardEventContext } from './heard-event-context';

const heard = (): ConsumedEvent<Event> =>
  ({
    id: randomUUID(),
    type: 'Discharged',
    data: {},
    metadata: {
      siteId: 'north',
      schemaVersion: 1,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { sub: 'clinician-1', role: 'clinician' },
      occurredAt: '2026-03-01T09:00:00.000Z',
    },
  }) as unknown as ConsumedEvent<Event>;

describe('The context of a command given for a heard event', () => {
  it('is the same on a redelivery, so the store appends nothing twice', () => {
    const event = heard();
    expect(heardEventContext(event, 'sessions-listener', 'site')).toEqual(
      heardEventContext(event, 'sessions-listener', 'site'),
    );
  });

  it("takes the event's id as the command's, with the part when one event gives several commands", () => {
    const event = heard();
    expect(heardEventContext(event, 'outcomes.enrolment').commandId).toBe(event.id);
    expect(heardEventContext(event, 'mentoring-enrolment-listener', 'end/m-1').commandId).toBe(
      `${event.id}/end/m-1`,
    );
  });

  it("carries the event's correlation, site and time, names the event as cause and the consumer as a system actor", () => {
    const event = heard();
    expect(heardEventContext(event, 'sessions-listener', 'site')).toEqual({
      commandId: `${event.id}/site`,
      correlationId: event.metadata.correlationId,
      causationId: event.id,
      siteId: 'north',
      actor: { sub: 'sessions-listener', role: 'system' },
      occurredAt: '2026-03-01T09:00:00.000Z',
    });
  });
});
