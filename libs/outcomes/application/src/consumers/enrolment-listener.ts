import { Inject, Injectable } from '@nestjs/common';
import type { Discharged, Enrolled, LevelOfCareChanged, Readmitted, SiteConfigured } from '@alongside/enrolment/contracts';
import { OUTCOMES_STREAM_CATEGORIES, outcomesUpcasters, type HeardFrom } from '@alongside/outcomes/contracts';
import { sitePolicyDecider } from '@alongside/outcomes/domain';
import { ALONGSIDE_EVENTS, streamName, type Event, type SiteId } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, handleCommand, type EventStore } from '@alongside/platform/event-store';
import type { ConsumedEvent, EventHandler } from '@alongside/platform/messaging-kafka';
import { v5 as uuidv5 } from 'uuid';
import { HeardFactRecorder } from './heard-fact-recorder';

/** The enrolment events outcomes hears; everything else on the topic is passed over. */
export const HEARD_FROM_ENROLMENT = ['Enrolled', 'Readmitted', 'LevelOfCareChanged', 'Discharged', 'SiteConfigured'] as const;

const heardFrom = (event: ConsumedEvent<Event>): HeardFrom => ({ context: 'enrolment', eventId: event.id, eventType: event.type });

/** One policy stream per site, its id derived from the site id. */
export const sitePolicyStream = (siteId: SiteId) =>
  streamName('outcomes', OUTCOMES_STREAM_CATEGORIES.site, siteId, uuidv5(`site-policy/${siteId}`, ALONGSIDE_EVENTS));

/**
 * Admissions (Enrolled, Readmitted — a transfer arrives as Enrolled with `transferredFrom`),
 * level-of-care changes, discharges (a transfer leaves as Discharged `transferred`) and the site's
 * milestone policy, recorded in outcomes' own log.
 */
@Injectable()
export class EnrolmentListener {
  constructor(
    private readonly recorder: HeardFactRecorder,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  readonly handlers: Readonly<Record<(typeof HEARD_FROM_ENROLMENT)[number], EventHandler>> = {
    Enrolled: async (event) => {
      const { data } = event as ConsumedEvent<Enrolled>;
      await this.recorder.record(
        {
          type: 'RecordAdmission',
          data: {
            participantId: data.participantId,
            episodeId: data.episodeId,
            admittedOn: data.admittedOn,
            programme: data.programme,
            levelOfCare: data.levelOfCare,
            referralSource: data.referralSource,
            transferredIn: data.transferredFrom !== null,
            heardFrom: heardFrom(event),
          },
        },
        this.recorder.contextOf(event, 'enrolment'),
      );
    },
    Readmitted: async (event) => {
      const { data } = event as ConsumedEvent<Readmitted>;
      await this.recorder.record(
        {
          type: 'RecordAdmission',
          data: {
            participantId: data.participantId,
            episodeId: data.episodeId,
            admittedOn: data.admittedOn,
            programme: data.programme,
            levelOfCare: data.levelOfCare,
            referralSource: data.referralSource,
            transferredIn: false,
            heardFrom: heardFrom(event),
          },
        },
        this.recorder.contextOf(event, 'enrolment'),
      );
    },
    LevelOfCareChanged: async (event) => {
      const { data } = event as ConsumedEvent<LevelOfCareChanged>;
      await this.recorder.record(
        {
          type: 'RecordLevelOfCareChange',
          data: { participantId: data.participantId, episodeId: data.episodeId, levelOfCare: data.toLevel, changedOn: data.changedOn, heardFrom: heardFrom(event) },
        },
        this.recorder.contextOf(event, 'enrolment'),
      );
    },
    Discharged: async (event) => {
      const { data } = event as ConsumedEvent<Discharged>;
      await this.recorder.record(
        {
          type: 'RecordDischarge',
          data: { participantId: data.participantId, episodeId: data.episodeId, dischargedOn: data.dischargedOn, reason: data.reason, heardFrom: heardFrom(event) },
        },
        this.recorder.contextOf(event, 'enrolment'),
      );
    },
    SiteConfigured: async (event) => {
      const { data } = event as ConsumedEvent<SiteConfigured>;
      const context = this.recorder.contextOf(event, 'enrolment');
      await handleCommand(
        this.store,
        sitePolicyStream(context.siteId),
        sitePolicyDecider,
        {
          type: 'SetOutcomePolicy',
          data: {
            milestoneDays: [...data.milestonePolicy.milestoneDays],
            lapseRestartsSobriety: data.milestonePolicy.lapseRestartsCount,
            timeZone: data.timeZone,
            setAt: data.configuredAt,
            heardFrom: { context: 'enrolment', eventId: event.id, eventType: event.type },
          },
        },
        context,
        { schemaVersions: outcomesUpcasters, retriesOnConflict: 3 },
      );
    },
  };
}
