import type { EnrolmentEvent, EnrolmentEventType } from '@alongside/enrolment/contracts';
import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import type { Projection } from '@alongside/platform/projections';
import type { EntityManager } from 'typeorm';
import { ConsentRow } from './consent-row.entity';
import { EpisodeRow } from './episode-row.entity';
import { ParticipantRow } from './participant-row.entity';
import { SiteRow } from './site-row.entity';
import { TransferRow } from './transfer-row.entity';

export const ENROLMENT_VIEWS = 'enrolment-views';
export const ENROLMENT_VIEWS_VERSION = 1;

type Of<T extends EnrolmentEventType> = Extract<EnrolmentEvent, { type: T }>;
type Apply<T extends EnrolmentEventType> = (event: Of<T>, tx: EntityManager) => Promise<unknown>;
type Appliers = { [T in EnrolmentEventType]?: Apply<T> };

const at = (iso: string) => new Date(iso);

// Each applier is an upsert or an update guarded by the state it moves from, so a batch applied
// twice leaves the same rows.
const appliers: Appliers = {
  SiteConfigured: ({ data }, tx) =>
    tx.getRepository(SiteRow).upsert(
      {
        siteId: data.siteId,
        name: data.name,
        timeZone: data.timeZone,
        programmes: [...data.programmes],
        milestonePolicy: { milestoneDays: [...data.milestonePolicy.milestoneDays], lapseRestartsCount: data.milestonePolicy.lapseRestartsCount },
        followUpSchedule: { daysAfterDischarge: [...data.followUpSchedule.daysAfterDischarge] },
        payerRulesRef: data.payerRulesRef,
        revision: data.revision,
        configuredAt: at(data.configuredAt),
        referenceDataVersion: data.referenceDataVersion,
      },
      ['siteId'],
    ),

  ParticipantRegistered: ({ data }, tx) =>
    tx
      .createQueryBuilder()
      .insert()
      .into(ParticipantRow)
      .values({ siteId: data.siteId, participantId: data.participantId, status: 'registered', registeredAt: at(data.registeredAt) })
      .orUpdate(['status', 'registered_at'], ['site_id', 'participant_id'])
      .execute(),

  ParticipantDetailsRecorded: ({ data }, tx) =>
    tx
      .getRepository(ParticipantRow)
      .update({ siteId: data.siteId, participantId: data.participantId }, { detailsId: data.detailsId, detailsRecordedAt: at(data.recordedAt) }),

  ParticipantErased: ({ data }, tx) =>
    tx.getRepository(ParticipantRow).update({ siteId: data.siteId, participantId: data.participantId }, { erasedAt: at(data.erasedAt) }),

  ConsentGranted: ({ data }, tx) =>
    tx.getRepository(ConsentRow).upsert(
      {
        siteId: data.siteId,
        consentId: data.consentId,
        participantId: data.participantId,
        purpose: data.purpose,
        recipient: { ...data.recipient },
        informationCategories: [...data.informationCategories],
        expiry: { ...data.expiry },
        expiresOn: data.expiry.kind === 'date' ? data.expiry.on : null,
        signedOn: data.signedOn,
        grantedAt: at(data.grantedAt),
        referenceDataVersion: data.referenceDataVersion,
      },
      ['siteId', 'consentId'],
    ),

  ConsentRevoked: ({ data }, tx) =>
    tx.getRepository(ConsentRow).update({ siteId: data.siteId, consentId: data.consentId }, { revokedAt: at(data.revokedAt) }),

  ConsentEnded: ({ data }, tx) =>
    tx.getRepository(ConsentRow).update({ siteId: data.siteId, consentId: data.consentId }, { endedOn: data.endedOn, endedBecause: data.because }),

  Enrolled: async ({ data }, tx) => {
    await tx.getRepository(EpisodeRow).upsert(
      {
        siteId: data.siteId,
        episodeId: data.episodeId,
        participantId: data.participantId,
        admissionKind: data.transferredFrom ? 'transfer-in' : 'enrolment',
        status: 'active',
        programme: data.programme,
        levelOfCare: data.levelOfCare,
        referralSource: data.referralSource,
        admittedOn: data.admittedOn,
        previousEpisodeId: null,
        transferredFrom: data.transferredFrom ? { ...data.transferredFrom } : null,
        levels: [{ levelOfCare: data.levelOfCare, programme: data.programme, from: data.admittedOn, reason: null }],
        referenceDataVersion: data.referenceDataVersion,
      },
      ['siteId', 'episodeId'],
    );
    await tx.getRepository(ParticipantRow).update({ siteId: data.siteId, participantId: data.participantId }, { activeEpisodeId: data.episodeId });
  },

  Readmitted: async ({ data }, tx) => {
    await tx.getRepository(EpisodeRow).upsert(
      {
        siteId: data.siteId,
        episodeId: data.episodeId,
        participantId: data.participantId,
        admissionKind: 'readmission',
        status: 'active',
        programme: data.programme,
        levelOfCare: data.levelOfCare,
        referralSource: data.referralSource,
        admittedOn: data.admittedOn,
        previousEpisodeId: data.previousEpisodeId,
        transferredFrom: null,
        levels: [{ levelOfCare: data.levelOfCare, programme: data.programme, from: data.admittedOn, reason: null }],
        referenceDataVersion: data.referenceDataVersion,
      },
      ['siteId', 'episodeId'],
    );
    await tx.getRepository(ParticipantRow).update({ siteId: data.siteId, participantId: data.participantId }, { activeEpisodeId: data.episodeId });
  },

  LevelOfCareChanged: async ({ data }, tx) => {
    const episodes = tx.getRepository(EpisodeRow);
    const row = await episodes.findOneBy({ siteId: data.siteId, episodeId: data.episodeId });
    if (!row) return;
    const cell = { levelOfCare: data.toLevel, programme: data.toProgramme, from: data.changedOn, reason: data.reason };
    const seen = row.levels.some((l) => l.levelOfCare === cell.levelOfCare && l.programme === cell.programme && l.from === cell.from);
    await episodes.update(
      { siteId: data.siteId, episodeId: data.episodeId },
      { levelOfCare: data.toLevel, programme: data.toProgramme, levels: seen ? row.levels : [...row.levels, cell] },
    );
  },

  Discharged: async ({ data }, tx) => {
    await tx
      .getRepository(EpisodeRow)
      .update(
        { siteId: data.siteId, episodeId: data.episodeId },
        { status: 'discharged', dischargedOn: data.dischargedOn, dischargeReason: data.reason, transferredOutId: data.transferId },
      );
    await tx
      .getRepository(ParticipantRow)
      .update({ siteId: data.siteId, participantId: data.participantId, activeEpisodeId: data.episodeId }, { activeEpisodeId: null });
  },

  TransferRequested: ({ data }, tx) =>
    tx.getRepository(TransferRow).upsert(
      {
        siteId: data.siteId,
        transferId: data.transferId,
        direction: 'outgoing',
        participantId: data.participantId,
        fromSiteId: data.fromSiteId,
        toSiteId: data.toSiteId,
        sourceEpisodeId: data.episodeId,
        consentId: data.consentId,
        requestedProgramme: data.requested.programme,
        requestedLevelOfCare: data.requested.levelOfCare,
        reason: data.reason,
        requestedAt: at(data.requestedAt),
        respondBy: at(data.respondBy),
        status: 'pending',
      },
      ['siteId', 'transferId', 'direction'],
    ),

  TransferReceived: async ({ data }, tx) => {
    await tx.getRepository(TransferRow).upsert(
      {
        siteId: data.siteId,
        transferId: data.transferId,
        direction: 'incoming',
        participantId: data.participantId,
        fromSiteId: data.fromSiteId,
        toSiteId: data.toSiteId,
        sourceEpisodeId: data.episodeId,
        consentId: data.consentId,
        requestedProgramme: data.requested.programme,
        requestedLevelOfCare: data.requested.levelOfCare,
        reason: data.reason,
        requestedAt: at(data.requestedAt),
        respondBy: at(data.respondBy),
        receivedAt: at(data.receivedAt),
        status: 'pending',
      },
      ['siteId', 'transferId', 'direction'],
    );
    // Known here by reference only, until (unless) details are recorded here.
    await tx
      .createQueryBuilder()
      .insert()
      .into(ParticipantRow)
      .values({ siteId: data.siteId, participantId: data.participantId, status: 'referenced', referencedFromSiteId: data.fromSiteId })
      .orIgnore()
      .execute();
  },

  TransferAccepted: ({ data }, tx) =>
    tx
      .getRepository(TransferRow)
      .update(
        { siteId: data.siteId, transferId: data.transferId, direction: 'incoming' },
        { status: 'accepted', answeredAt: at(data.acceptedAt), destinationEpisodeId: data.episodeId, admittedOn: data.admittedOn },
      ),

  TransferDeclined: ({ data }, tx) =>
    tx
      .getRepository(TransferRow)
      .update(
        { siteId: data.siteId, transferId: data.transferId, direction: 'incoming' },
        { status: 'declined', answeredAt: at(data.declinedAt), declineReason: data.reason },
      ),

  TransferAnswerReceived: ({ data }, tx) =>
    tx.getRepository(TransferRow).update(
      { siteId: data.siteId, transferId: data.transferId, direction: 'outgoing' },
      {
        status: data.answer,
        answeredAt: at(data.answeredAt),
        receivedAt: at(data.receivedAt),
        declineReason: data.declineReason,
        destinationEpisodeId: data.destinationEpisodeId,
        admittedOn: data.admittedOn,
      },
    ),
};

/** Sites, participants, episodes (the census), consents and transfers, in one versioned projection. */
export const enrolmentViewsProjection: Projection = {
  name: ENROLMENT_VIEWS,
  version: ENROLMENT_VIEWS_VERSION,
  entities: [SiteRow, ParticipantRow, EpisodeRow, ConsentRow, TransferRow],
  handles: Object.keys(appliers),
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      const apply = appliers[event.type as EnrolmentEventType] as Apply<EnrolmentEventType> | undefined;
      await apply?.(event as unknown as EnrolmentEvent, tx);
    }
  },
};
