import { randomUUID } from 'node:crypto';
import { VersionConflict, type Actor, type NewEvent, type RecordedEvent, type SiteId } from '@alongside/platform/event-sourcing';
import type { EventStore, ExpectedVersion } from '@alongside/platform/event-store';
import type { AuditEvent, DisclosureMade, PersonLevelDataRead } from './audit-events';
import { auditStream } from './audit-stream';

type Recorded = Readonly<{ actor: Actor; siteId: SiteId; participantId: string; correlationId: string; at?: Date }>;

export type AccessRecord = Recorded & Omit<PersonLevelDataRead['data'], 'participantId'>;

export type DisclosureRecord = Recorded & Omit<DisclosureMade['data'], 'participantId'> & Readonly<{ causationId?: string }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Appends access and disclosure records to the participant's audit stream in the service's own
 * event store. Nothing here decides anything, so the stream is written with 'exists' / 'no_stream'
 * only (never a silent 'any'), and records are never updated or deleted.
 */
export class AuditTrail {
  constructor(
    private readonly storeOf: () => EventStore,
    private readonly context: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async recordAccess({ actor, siteId, participantId, correlationId, at, purpose, route, method }: AccessRecord): Promise<void> {
    return this.append({ actor, siteId, correlationId, at }, participantId, {
      type: 'PersonLevelDataRead',
      data: { participantId, purpose, route, method },
    });
  }

  async recordDisclosure({ actor, siteId, participantId, correlationId, causationId, at, ...disclosure }: DisclosureRecord): Promise<void> {
    if (!disclosure.consentId) throw new TypeError('A disclosure names the consent that allowed it');
    return this.append({ actor, siteId, correlationId, causationId, at }, participantId, {
      type: 'DisclosureMade',
      data: { participantId, ...disclosure, information: [...disclosure.information] },
    });
  }

  async read(siteId: SiteId, participantId: string): Promise<RecordedEvent<AuditEvent>[]> {
    const { events } = await this.storeOf().readStream(this.streamOf(siteId, participantId));
    return events as RecordedEvent<AuditEvent>[];
  }

  private async append(
    meta: Readonly<{ actor: Actor; siteId: SiteId; correlationId: string; causationId?: string; at?: Date }>,
    participantId: string,
    event: AuditEvent,
  ): Promise<void> {
    const stream = this.streamOf(meta.siteId, participantId);
    const recorded: NewEvent = {
      ...event,
      id: randomUUID(),
      metadata: {
        siteId: meta.siteId,
        schemaVersion: 1,
        correlationId: meta.correlationId,
        causationId: meta.causationId ?? meta.correlationId,
        actor: meta.actor,
        occurredAt: (meta.at ?? this.clock()).toISOString(),
      },
    };
    // Most audit streams exist already, so 'exists' is tried first; a new one is created with
    // 'no_stream', and a concurrent creator makes us go round once more. The event id is the
    // same on each attempt, so a retry never records the access twice.
    const attempts: ExpectedVersion[] = ['exists', 'no_stream', 'exists'];
    for (const [index, expectedVersion] of attempts.entries()) {
      try {
        await this.storeOf().appendToStream(stream, [recorded], { expectedVersion });
        return;
      } catch (error) {
        if (!(error instanceof VersionConflict) || index === attempts.length - 1) throw error;
      }
    }
  }

  private streamOf(siteId: SiteId, participantId: string): string {
    if (!UUID.test(participantId)) throw new TypeError(`"${participantId}" is not a participant id (a UUID)`);
    return auditStream(this.context, siteId, participantId);
  }
}
