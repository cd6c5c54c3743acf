import fc from 'fast-check';
import { SPECIALITIES } from '@alongside/mentoring/contracts';
import { isCertifiedAt } from '../mentor/compliance';
import { compareSuggestions, suggestMentors, type MentorCandidate, type ParticipantNeeds } from './match-suggestions';

const at = '2025-06-01T12:00:00Z';
const current = [{ certificationId: 'c', credential: 'CPRS', expiresAt: '2026-06-01T00:00:00Z', status: 'current' as const }];
const lapsed = [{ certificationId: 'c', credential: 'CPRS', expiresAt: '2025-05-01T00:00:00Z', status: 'current' as const }];

const candidate = (id: string, over: Partial<MentorCandidate> = {}): MentorCandidate => ({
  mentorId: id,
  displayName: `Mentor ${id}`,
  certifications: current,
  maxCaseload: 10,
  openMatches: 5,
  languages: ['en'],
  specialities: [],
  openEscalations: 0,
  ...over,
});

const needs: ParticipantNeeds = { languages: ['es'], specialities: ['opioid-use', 'young-adults'] };

describe('Match suggestions', () => {
  it('ranks certified mentors with room first, then language, specialities, escalations, room, id', () => {
    const ranked = suggestMentors(
      [
        candidate('a-lapsed', { certifications: lapsed, languages: ['es'], specialities: ['opioid-use', 'young-adults'] }),
        candidate('b-full', { openMatches: 10, languages: ['es'] }),
        candidate('c-english-both', { specialities: ['opioid-use', 'young-adults'] }),
        candidate('d-spanish-none', { languages: ['es-MX'] }),
        candidate('e-spanish-one', { languages: ['es'], specialities: ['opioid-use'] }),
        candidate('f-spanish-one-escalations', { languages: ['es'], specialities: ['young-adults'], openEscalations: 2 }),
        candidate('g-spanish-one-more-room', { languages: ['es'], specialities: ['opioid-use'], openMatches: 1 }),
      ],
      needs,
      at,
    );
    expect(ranked.map((s) => s.mentorId)).toEqual([
      'g-spanish-one-more-room',
      'e-spanish-one',
      'f-spanish-one-escalations',
      'd-spanish-none',
      'c-english-both',
      'a-lapsed',
      'b-full',
    ]);
    expect(ranked.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(ranked[5]).toMatchObject({ eligible: false, ineligibleBecause: ['certification-lapsed'] });
    expect(ranked[6]).toMatchObject({ eligible: false, ineligibleBecause: ['caseload-full'], caseloadRoom: 0 });
    expect(ranked[3].sharedLanguages).toEqual(['es-MX']);
  });

  const arbitraryCandidate = fc.record({
    mentorId: fc.uuid(),
    displayName: fc.string({ maxLength: 8 }),
    certifications: fc.array(
      fc.record({
        certificationId: fc.uuid(),
        credential: fc.constant('CPRS'),
        expiresAt: fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2027-01-01') }).map((ms) => new Date(ms).toISOString()),
        status: fc.constantFrom('current' as const, 'expired' as const),
      }),
      { maxLength: 2 },
    ),
    maxCaseload: fc.integer({ min: 1, max: 15 }),
    openMatches: fc.integer({ min: 0, max: 20 }),
    languages: fc.subarray(['en', 'es', 'pt-BR', 'fr', 'so']),
    specialities: fc.subarray([...SPECIALITIES]),
    openEscalations: fc.integer({ min: 0, max: 4 }),
  });
  const arbitraryNeeds = fc.record({
    languages: fc.subarray(['en', 'es', 'pt', 'fr', 'so']),
    specialities: fc.subarray([...SPECIALITIES]),
  });
  // Several candidates may share one mentor id only by accident; give each a distinct id.
  const arbitraryCandidates = fc.uniqueArray(arbitraryCandidate, { selector: (c) => c.mentorId, maxLength: 12 });

  it('is a total order: antisymmetric, transitive and never ties two mentors', () =>
    fc.assert(
      fc.property(arbitraryCandidates, arbitraryNeeds, (candidates, wanted) => {
        const scored = suggestMentors(candidates, wanted, at);
        for (const a of scored) {
          for (const b of scored) {
            const ab = Math.sign(compareSuggestions(a, b));
            const ba = Math.sign(compareSuggestions(b, a));
            if (ab !== -ba) return false;
            if (a.mentorId !== b.mentorId && ab === 0) return false;
            for (const c of scored) {
              if (ab < 0 && compareSuggestions(b, c) < 0 && compareSuggestions(a, c) >= 0) return false;
            }
          }
        }
        return true;
      }),
    ));

  it('does not depend on the order the mentors were read in', () =>
    fc.assert(
      fc.property(arbitraryCandidates, arbitraryNeeds, fc.integer(), (candidates, wanted, seed) => {
        const shuffled = [...candidates].sort((a, b) => ((a.mentorId.charCodeAt(seed & 7) ^ seed) & 1) - ((b.mentorId.charCodeAt(seed & 7) ^ seed) & 1));
        const ids = (cs: MentorCandidate[]) => suggestMentors(cs, wanted, at).map((s) => s.mentorId);
        expect(ids(shuffled)).toEqual(ids([...candidates].reverse()));
      }),
    ));

  it('never ranks a lapsed or full mentor as eligible, nor above an eligible one', () =>
    fc.assert(
      fc.property(arbitraryCandidates, arbitraryNeeds, (candidates, wanted) => {
        const byId = new Map(candidates.map((c) => [c.mentorId, c]));
        const ranked = suggestMentors(candidates, wanted, at);
        const firstIneligible = ranked.findIndex((s) => !s.eligible);
        for (const s of ranked) {
          const c = byId.get(s.mentorId)!;
          const mayMentor = isCertifiedAt(c.certifications, at) && c.openMatches < c.maxCaseload;
          if (s.eligible !== mayMentor) return false;
        }
        return firstIneligible === -1 || ranked.slice(firstIneligible).every((s) => !s.eligible);
      }),
    ));
});
