import type { DischargeReason, IsoDate, IsoInstant } from '@alongside/enrolment/contracts';
import { daysBetween, isBefore } from '../calendar/calendar-day';
import { assertNotInTheFuture } from '../calendar/calendar-guards';
import { ReferenceCodes } from '../reference/reference-codes';
import { consentsEndedBy } from './consent-endings';
import {
  AlreadyInTreatment,
  DatedBeforeLastChange,
  DischargeBeforeAdmission,
  EpisodeAlreadyRecorded,
  EpisodeNotActive,
  EpisodeNotFound,
  NeverAdmittedHere,
  NoChangeOfCare,
  ParticipantDeceased,
  ReadmissionBeforeDischarge,
  ReadmissionRequired,
} from './episode.errors';
import type { ChangeLevelOfCare, Discharge, Enrol, Readmit } from './participant.commands';
import type { ParticipantEvent } from './participant.events';
import { knownAndNotErased, offeredHere, type KnownParticipant } from './participant.guards';
import { activeEpisode, lastEpisode, type Episode, type Participant } from './participant.state';

export const noActiveEpisode = (p: Participant): void => {
  const active = activeEpisode(p);
  if (active) throw new AlreadyInTreatment(active.episodeId);
};

export const unusedEpisodeId = (p: Participant, episodeId: string): void => {
  if (p.episodes.some((e) => e.episodeId === episodeId)) throw new EpisodeAlreadyRecorded(episodeId);
};

const activeEpisodeNamed = (p: Participant, episodeId: string): Episode => {
  const episode = p.episodes.find((e) => e.episodeId === episodeId);
  if (!episode) throw new EpisodeNotFound(episodeId);
  if (episode.discharge) throw new EpisodeNotActive(episodeId);
  return episode;
};

export const enrol = ({ data }: Enrol, state: Participant): ParticipantEvent[] => {
  const p = knownAndNotErased(state);
  const codes = ReferenceCodes.of(data.referenceDataVersion);
  noActiveEpisode(p);
  if (p.episodes.length > 0) throw new ReadmissionRequired();
  const programme = offeredHere(data.site, codes.programme(data.programme));
  const levelOfCare = codes.levelOfCare(data.levelOfCare);
  const referralSource = codes.referralSource(data.referralSource);
  assertNotInTheFuture('admission date', data.admittedOn, data.now);
  return [
    {
      type: 'Enrolled',
      data: {
        episodeId: data.episodeId,
        participantId: p.participantId,
        siteId: p.siteId,
        programme,
        levelOfCare,
        referralSource,
        admittedOn: data.admittedOn,
        enrolledAt: data.now.at,
        transferredFrom: null,
        referenceDataVersion: codes.version,
      },
    },
  ];
};

export const changeLevelOfCare = ({ data }: ChangeLevelOfCare, state: Participant): ParticipantEvent[] => {
  const p = knownAndNotErased(state);
  const codes = ReferenceCodes.of(data.referenceDataVersion);
  const episode = activeEpisodeNamed(p, data.episodeId);
  const toLevel = codes.levelOfCare(data.levelOfCare);
  const toProgramme = data.programme === undefined ? episode.programme : offeredHere(data.site, codes.programme(data.programme));
  const reason = codes.levelOfCareChangeReason(data.reason);
  if (toLevel === episode.levelOfCare && toProgramme === episode.programme) throw new NoChangeOfCare();
  assertNotInTheFuture('date of the change', data.changedOn, data.now);
  if (isBefore(data.changedOn, episode.lastDatedOn)) throw new DatedBeforeLastChange('change of level of care', data.changedOn, episode.lastDatedOn);
  return [
    {
      type: 'LevelOfCareChanged',
      data: {
        episodeId: episode.episodeId,
        participantId: p.participantId,
        siteId: p.siteId,
        fromLevel: episode.levelOfCare,
        toLevel,
        fromProgramme: episode.programme,
        toProgramme,
        reason,
        changedOn: data.changedOn,
        changedAt: data.now.at,
        referenceDataVersion: codes.version,
      },
    },
  ];
};

/** The discharge event of an episode, and the consents that were to end with it. */
export const dischargeEvents = (
  p: KnownParticipant,
  episode: Episode,
  discharge: Readonly<{ reason: DischargeReason; on: IsoDate; at: IsoInstant; transferId: string | null }>,
  referenceDataVersion: number,
): ParticipantEvent[] => [
  {
    type: 'Discharged',
    data: {
      episodeId: episode.episodeId,
      participantId: p.participantId,
      siteId: p.siteId,
      reason: discharge.reason,
      admittedOn: episode.admittedOn,
      dischargedOn: discharge.on,
      lengthOfStayDays: daysBetween(episode.admittedOn, discharge.on),
      programme: episode.programme,
      levelOfCare: episode.levelOfCare,
      transferId: discharge.transferId,
      dischargedAt: discharge.at,
      referenceDataVersion,
    },
  },
  ...consentsEndedBy(p, 'discharge', discharge.on, referenceDataVersion),
];

export const discharge = ({ data }: Discharge, state: Participant): ParticipantEvent[] => {
  const p = knownAndNotErased(state);
  const codes = ReferenceCodes.of(data.referenceDataVersion);
  const episode = activeEpisodeNamed(p, data.episodeId);
  const reason = codes.dischargeReason(data.reason);
  assertNotInTheFuture('discharge date', data.dischargedOn, data.now);
  if (isBefore(data.dischargedOn, episode.admittedOn)) throw new DischargeBeforeAdmission(data.dischargedOn, episode.admittedOn);
  if (isBefore(data.dischargedOn, episode.lastDatedOn)) throw new DatedBeforeLastChange('discharge', data.dischargedOn, episode.lastDatedOn);
  return dischargeEvents(p, episode, { reason, on: data.dischargedOn, at: data.now.at, transferId: null }, codes.version);
};

export const readmit = ({ data }: Readmit, state: Participant): ParticipantEvent[] => {
  const p = knownAndNotErased(state);
  const codes = ReferenceCodes.of(data.referenceDataVersion);
  noActiveEpisode(p);
  unusedEpisodeId(p, data.episodeId);
  const previous = lastEpisode(p);
  if (!previous?.discharge) throw new NeverAdmittedHere();
  if (previous.discharge.reason === 'death') throw new ParticipantDeceased();
  const programme = offeredHere(data.site, codes.programme(data.programme));
  const levelOfCare = codes.levelOfCare(data.levelOfCare);
  const referralSource = codes.referralSource(data.referralSource);
  assertNotInTheFuture('readmission date', data.admittedOn, data.now);
  if (isBefore(data.admittedOn, previous.discharge.on)) throw new ReadmissionBeforeDischarge(data.admittedOn, previous.discharge.on);
  return [
    {
      type: 'Readmitted',
      data: {
        episodeId: data.episodeId,
        previousEpisodeId: previous.episodeId,
        participantId: p.participantId,
        siteId: p.siteId,
        programme,
        levelOfCare,
        referralSource,
        admittedOn: data.admittedOn,
        daysSincePreviousDischarge: daysBetween(previous.discharge.on, data.admittedOn),
        readmittedAt: data.now.at,
        referenceDataVersion: codes.version,
      },
    },
  ];
};
