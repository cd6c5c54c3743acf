// Mode (b): the plan decided by the services' own deciders in memory (so the events have exactly the
// shapes and metadata the services write, ids derived from deterministic command ids), then appended
// to the service's store a stream at a time, in batches. The relay publishes them like any other
// event, so the other services' consumers and projections build their read models the usual way.
//
// Scope today: enrolment's events (sites, registrations, admissions, peer-support consents,
// discharges). What the other services hear of them (admissions, discharges, consents) they record
// themselves; mentoring's, outcomes' and sessions' own facts still go through mode (a) only.
import { CURRENT_REFERENCE_DATA_VERSION, enrolmentUpcasterRegistry } from '@alongside/enrolment/contracts';
import {
  participantDecider,
  participantStream,
  siteDecider,
  siteStream,
  type ParticipantCommand,
} from '@alongside/enrolment/domain';
import { siteId as toSiteId, type Event, type NewEvent, type RecordedEvent } from '@alongside/platform/event-sourcing';
import { handleCommand, VersionConflictOr, type CommandContext, type EventStore, type ReadStreamResult } from './store-buffer';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { PlanCalendar } from './calendar';
import { EventTally, forEachLimited } from './event-tally';
import type { NetworkPlan } from './plan';

export type StoreRunOptions = Readonly<{ connectionString: string; onEvents?: (count: number) => void; concurrency?: number }>;

/** Streams decided in memory, in the order they were first written. */
export class StreamBuffer implements Pick<EventStore, 'readStream' | 'appendToStream'> {
  readonly streams = new Map<string, RecordedEvent[]>();

  async readStream(stream: string): Promise<ReadStreamResult> {
    const events = this.streams.get(stream) ?? [];
    return { events, version: events.length === 0 ? 'no_stream' : BigInt(events.length - 1) };
  }

  async appendToStream(stream: string, events: readonly NewEvent[]) {
    const existing = this.streams.get(stream) ?? [];
    for (const event of events) {
      existing.push({ ...event, streamId: stream, streamPosition: BigInt(existing.length), globalPosition: 0n, recordedAt: event.metadata.occurredAt });
    }
    this.streams.set(stream, existing);
    return { nextExpectedVersion: BigInt(existing.length - 1), appended: true };
  }
}

const ACTOR = { sub: 'demo-generator', role: 'clinician' } as const;

/** Decides the plan's enrolment facts with enrolment's deciders; returns the streams to append. */
export const decideEnrolment = async (plan: NetworkPlan): Promise<StreamBuffer> => {
  const buffer = new StreamBuffer();
  const calendar = new PlanCalendar(plan.startsOn);
  const seed = plan.options.seed;
  const options = { schemaVersions: enrolmentUpcasterRegistry };
  const referenceDataVersion = CURRENT_REFERENCE_DATA_VERSION;
  for (const site of plan.sites) {
    const siteId = toSiteId(site.siteId);
    const zone = site.timeZone;
    const moment = (day: number, time: string) => {
      const at = calendar.instantOf(day, time, zone);
      return { at, today: calendar.dayOf(day) };
    };
    const context = (commandId: string, occurredAt: string): CommandContext => ({
      commandId: `demo-${seed}-${commandId}`,
      correlationId: `demo-${seed}-${commandId}`,
      siteId,
      actor: ACTOR,
      occurredAt,
    });
    const configuredAt = moment(-30, '08:00');
    await handleCommand(
      buffer,
      siteStream(siteId),
      siteDecider,
      {
        type: 'ConfigureSite',
        data: {
          siteId: site.siteId,
          name: site.name,
          timeZone: zone,
          programmes: ['outpatient', 'intensive-outpatient', 'residential'],
          milestonePolicy: { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsCount: false },
          followUpSchedule: { daysAfterDischarge: [7, 30, 90, 180] },
          payerRulesRef: 'medicaid-peer-support@1',
          now: configuredAt,
          referenceDataVersion,
        },
      },
      context(`${site.siteId}-configuration`, configuredAt.at),
      options,
    );
    const terms = { programmes: ['outpatient', 'intensive-outpatient', 'residential'] as const };
    for (const p of site.participants) {
      const stream = participantStream(siteId, p.participantId);
      const decide = async (what: string, command: ParticipantCommand, occurredAt: string) =>
        handleCommand(buffer, stream, participantDecider, command, context(`${p.participantId}-${what}`, occurredAt), options);
      const admitted = moment(p.admittedDay, '08:30');
      await decide('register', { type: 'RegisterParticipant', data: { participantId: p.participantId, siteId: site.siteId, detailsId: p.participantId, fields: ['givenName', 'familyName', 'dateOfBirth'], now: admitted, referenceDataVersion } }, admitted.at);
      const episodeId = p.participantId;
      const enrolledAt = moment(p.admittedDay, '09:00');
      await decide('enrol', { type: 'Enrol', data: { episodeId, programme: p.programme, levelOfCare: p.levelOfCare, referralSource: p.referralSource, admittedOn: enrolledAt.today, site: terms, now: enrolledAt, referenceDataVersion } }, enrolledAt.at);
      if (p.consentDay !== null) {
        const signed = moment(p.consentDay, '11:00');
        await decide(
          'consent',
          {
            type: 'GrantConsent',
            data: {
              consentId: p.participantId,
              recipient: { kind: 'peer-support', siteId: site.siteId },
              purpose: 'peer-support',
              informationCategories: ['enrolment-and-attendance'],
              expiry: { kind: 'date', on: calendar.dayOf(plan.days + 365) },
              signedOn: signed.today,
              now: signed,
              referenceDataVersion,
            },
          },
          signed.at,
        );
      }
      if (p.discharge) {
        const discharged = moment(p.discharge.day, '16:00');
        await decide('discharge', { type: 'Discharge', data: { episodeId, reason: p.discharge.reason, dischargedOn: discharged.today, now: discharged, referenceDataVersion } }, discharged.at);
      }
    }
  }
  return buffer;
};

/** Appends decided streams to a service's store; a stream already there (a rerun) is left alone. */
export const appendStreams = async (store: Pick<EventStore, 'appendToStream'>, buffer: StreamBuffer, tally: EventTally, options: { concurrency?: number; onEvents?: (n: number) => void } = {}) => {
  await forEachLimited([...buffer.streams.entries()], options.concurrency ?? 4, async ([stream, recorded]) => {
    const events = recorded.map(({ streamId: _s, streamPosition: _p, globalPosition: _g, recordedAt: _r, ...event }) => event as NewEvent<Event>);
    try {
      // Same seed, same event ids: the store turns a rerun's append into a no-op (appended: false).
      const { appended } = await store.appendToStream(stream, events, { expectedVersion: 'no_stream' });
      if (!appended) return;
      tally.add(events.map((e) => e.type));
      options.onEvents?.(events.length);
    } catch (error) {
      if (!VersionConflictOr(error)) throw error;
      tally.fail(`${stream.split('-')[0]} already there (rerun)`);
    }
  });
};

export const appendPlanToStores = async (plan: NetworkPlan, options: StoreRunOptions): Promise<EventTally> => {
  const tally = new EventTally();
  const enrolment = await PostgresEventStore.connect({ connectionString: options.connectionString, schema: 'enrolment' });
  try {
    await appendStreams(enrolment, await decideEnrolment(plan), tally, options);
  } finally {
    await enrolment.close();
  }
  return tally;
};
