import type { Speciality } from '@alongside/mentoring/contracts';
import type { MentorStanding } from '../match/match.commands';
import { ineligibilityOf, type Ineligibility } from './mentor-eligibility';

export type MentorCandidate = MentorStanding &
  Readonly<{ displayName: string; languages: readonly string[]; specialities: readonly Speciality[]; openEscalations: number }>;

export type ParticipantNeeds = Readonly<{ languages: readonly string[]; specialities: readonly Speciality[] }>;

export type MatchSuggestion = Readonly<{
  rank: number;
  mentorId: string;
  displayName: string;
  eligible: boolean;
  ineligibleBecause: Ineligibility[];
  sharedLanguages: string[];
  sharedSpecialities: Speciality[];
  caseloadRoom: number;
  openEscalations: number;
}>;

type Scored = Omit<MatchSuggestion, 'rank'>;

// A language tag matches on its primary subtag: a participant asking for `pt` is served by `pt-BR`.
const primary = (tag: string) => tag.toLowerCase().split('-')[0];

const score = (mentor: MentorCandidate, needs: ParticipantNeeds, at: string): Scored => {
  const ineligibleBecause = ineligibilityOf(mentor, at);
  const wanted = new Set(needs.languages.map(primary));
  return {
    mentorId: mentor.mentorId,
    displayName: mentor.displayName,
    eligible: ineligibleBecause.length === 0,
    ineligibleBecause,
    sharedLanguages: mentor.languages.filter((l) => wanted.has(primary(l))).sort(),
    sharedSpecialities: mentor.specialities.filter((s) => needs.specialities.includes(s)).sort(),
    caseloadRoom: Math.max(0, mentor.maxCaseload - mentor.openMatches),
    openEscalations: mentor.openEscalations,
  };
};

/**
 * The ranking, criterion by criterion: eligible (certified with caseload room) first; then shares
 * a language; then more shared specialities; then fewer open escalations; then more caseload room;
 * then mentor id, so that two mentors never tie and the order never depends on input order.
 */
export const compareSuggestions = (a: Scored, b: Scored): number =>
  Number(b.eligible) - Number(a.eligible) ||
  Number(b.sharedLanguages.length > 0) - Number(a.sharedLanguages.length > 0) ||
  b.sharedSpecialities.length - a.sharedSpecialities.length ||
  a.openEscalations - b.openEscalations ||
  b.caseloadRoom - a.caseloadRoom ||
  (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0);

export const suggestMentors = (
  candidates: readonly MentorCandidate[],
  needs: ParticipantNeeds,
  at: string,
): MatchSuggestion[] =>
  candidates
    .map((c) => score(c, needs, at))
    .sort(compareSuggestions)
    .map((s, i) => ({ rank: i + 1, ...s }));
