import type { Programme } from '@alongside/enrolment/contracts';
import type { SiteTerms } from './participant.commands';
import type { Participant } from './participant.state';
import { ParticipantNotFound, ParticipantWasErased } from './registration.errors';
import { ProgrammeNotOffered, SiteNotConfigured } from './episode.errors';

export type KnownParticipant = Participant & { participantId: string; siteId: string };

/** A record that exists at this site. */
export const known = (p: Participant): KnownParticipant => {
  if (p.status === 'unknown' || p.participantId === null || p.siteId === null) throw new ParticipantNotFound();
  return p as KnownParticipant;
};

/** A record that exists here and whose person was not erased: what most decisions need. */
export const knownAndNotErased = (p: Participant): KnownParticipant => {
  const found = known(p);
  if (found.erased) throw new ParticipantWasErased();
  return found;
};

export const offeredHere = (site: SiteTerms, programme: Programme): Programme => {
  if (site === null) throw new SiteNotConfigured();
  if (!site.programmes.includes(programme)) throw new ProgrammeNotOffered(programme);
  return programme;
};
