// Mode (b) for mentoring: mentors (onboarding, training, certification), matches (with the caseload
// place and the participant's hold their proposal takes) and their dated contacts, decided by mentoring's own deciders with what its handlers would have read (the
// mentor's standing, the participant's peer-support consent).
import { mentoringUpcasters, type ContactKind, type LivedExperienceArea, type Speciality } from '@alongside/mentoring/contracts';
import { matchDecider, matchStream, menteeDecider, menteeStream, mentorDecider, mentorStream, PEER_SUPPORT_BILLING, type MentorStanding } from '@alongside/mentoring/domain';
import { ALONGSIDE_EVENTS, siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { v5 as uuidv5 } from 'uuid';
import { PlanCalendar } from './calendar';
import type { NetworkPlan } from './plan';
import { demoContexts, handleCommand, StreamBuffer } from './store-buffer';

const MANAGER = { sub: 'demo-generator', role: 'site-manager' } as const;
const options = { schemaVersions: mentoringUpcasters };

export const decideMentoring = async (plan: NetworkPlan): Promise<StreamBuffer> => {
  const buffer = new StreamBuffer();
  const calendar = new PlanCalendar(plan.startsOn);
  const seed = plan.options.seed;
  for (const site of plan.sites) {
    const context = demoContexts(seed, site.siteId, MANAGER);
    const siteId = toSiteId(site.siteId);
    const zone = site.timeZone;
    const standings = new Map<string, MentorStanding>();
    for (const m of site.mentors) {
      const stream = mentorStream(siteId, m.mentorId);
      const onboardedAt = calendar.instantOf(m.trainingDay - 7, '09:00', zone);
      await handleCommand(
        buffer, stream, mentorDecider,
        { type: 'OnboardMentor', data: { mentorId: m.mentorId, displayName: m.displayName, livedExperience: [...m.livedExperience] as LivedExperienceArea[], languages: [...m.languages], specialities: [...m.specialities] as Speciality[], maxCaseload: m.maxCaseload, at: onboardedAt } },
        context(`${m.mentorId}-onboard`, onboardedAt), options,
      );
      const trainedAt = calendar.instantOf(m.trainingDay, '17:00', zone);
      const trainingId = uuidv5(`demo-${seed}-${m.mentorId}-training`, ALONGSIDE_EVENTS);
      await handleCommand(
        buffer, stream, mentorDecider,
        { type: 'RecordTraining', data: { trainingId, course: 'Peer recovery support: ethics and boundaries', hours: 40, completedOn: calendar.dayOf(m.trainingDay), at: trainedAt } },
        context(`${m.mentorId}-training`, trainedAt), options,
      );
      const grantedAt = calendar.instantOf(m.certifiedDay, '09:00', zone);
      const expiresAt = calendar.instantOf(m.certifiedDay + 730, '09:00', zone);
      const certified = await handleCommand(
        buffer, stream, mentorDecider,
        { type: 'GrantCertification', data: { certificationId: m.certificationId, credential: 'CPRS', issuer: 'State Certification Board', grantedAt, expiresAt, at: grantedAt } },
        context(`${m.mentorId}-certification`, grantedAt), options,
      );
      const mentor = certified.state as Extract<typeof certified.state, { status: 'onboarded' }>;
      standings.set(m.mentorId, { mentorId: m.mentorId, certifications: Object.values(mentor.certifications), maxCaseload: m.maxCaseload, openMatches: 0 });
    }
    for (const p of site.participants) {
      if (!p.match) continue;
      const { matchId, mentorId, day } = p.match;
      const stream = matchStream(siteId, matchId);
      const standing = standings.get(mentorId)!;
      // The consent enrolment granted (its id is the participant's in the plan), heard by mentoring.
      const consent = { consentId: p.participantId };
      const proposedAt = calendar.instantOf(day, '10:00', zone);
      const proposal = context(`${p.participantId}-match`, proposedAt);
      // As the proposal's handler does: a place taken on the mentor's stream and the participant's one
      // open match held on theirs, then the match itself, all under the proposal's command id.
      await handleCommand(buffer, mentorStream(siteId, mentorId), mentorDecider, { type: 'TakeCaseloadPlace', data: { matchId, participantId: p.participantId, released: [], at: proposedAt } }, proposal, options);
      await handleCommand(buffer, menteeStream(siteId, p.participantId), menteeDecider, { type: 'HoldMenteeMatch', data: { participantId: p.participantId, matchId, mentorId, released: [], at: proposedAt } }, proposal, options);
      await handleCommand(
        buffer, stream, matchDecider,
        { type: 'ProposeMatch', data: { matchId, participantId: p.participantId, mentor: standing, consent, openMatchId: null, proposedBy: MANAGER.sub, at: proposedAt } },
        proposal, options,
      );
      standings.set(mentorId, { ...standing, openMatches: standing.openMatches + 1 });
      const acceptedAt = calendar.instantOf(day, '10:30', zone);
      await handleCommand(
        buffer, stream, matchDecider,
        { type: 'AcceptMatch', data: { mentor: standings.get(mentorId)!, consent, at: acceptedAt } },
        context(`${p.participantId}-match-accepted`, acceptedAt), options,
      );
      for (const [n, contact] of p.contacts.entries()) {
        const contactAt = calendar.instantOf(contact.day, '14:00', zone);
        const contactId = uuidv5(`demo-${seed}-${p.participantId}-contact-${n}`, ALONGSIDE_EVENTS);
        await handleCommand(
          buffer, stream, matchDecider,
          { type: 'LogContact', data: { contactId, kind: contact.kind as ContactKind, minutes: contact.minutes, contactAt, hasNote: false, byMentorId: null, billing: PEER_SUPPORT_BILLING, at: calendar.instantOf(contact.day, '15:00', zone) } },
          context(`${p.participantId}-contact-${n}`, contactAt), options,
        );
      }
    }
  }
  return buffer;
};
