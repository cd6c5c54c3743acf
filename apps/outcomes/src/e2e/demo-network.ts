import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EnrolmentListener, MentoringListener, SessionsListener } from '@alongside/outcomes/application';
import { siteId, type SiteId } from '@alongside/platform/event-sourcing';
import { mintDevToken } from '@alongside/platform/security';
import { discharged, enrolled, heard } from './heard-events';

/**
 * A small, plausible network for the dashboard's browser test and screenshots: admissions over nine
 * months, discharges with TEDS reasons, peer mentoring for about half, attendance, contacts, drug
 * screens, lapses and relapses, and PHQ-9 / GAD-7 / BARC-10 at intake and later. Seeded, so every
 * run draws the same pictures.
 */
const random = (seed: number) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const REASONS = ['completed', 'completed', 'completed', 'left-against-advice', 'left-against-advice', 'terminated-by-facility', 'transferred', 'other'];
const PROGRAMMES = ['outpatient-peer-recovery', 'intensive-outpatient'];
const LEVELS = ['1', '2.1'];
const KINDS = ['peer-support', 'group-therapy', 'workshop', 'community'];

export type DemoParticipant = { siteId: SiteId; participantId: string; episodeId: string; admittedOn: string; dischargedOn: string | null };

export const seedDemoNetwork = async (app: INestApplication, now: Date, sites: Record<string, number> = { north: 48, south: 30 }): Promise<DemoParticipant[]> => {
  const next = random(20260501);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const people: DemoParticipant[] = [];
  const enrolment = app.get(EnrolmentListener);
  const mentoring = app.get(MentoringListener);
  const sessions = app.get(SessionsListener);
  const http = () => request(app.getHttpServer());

  for (const [name, size] of Object.entries(sites)) {
    const site = siteId(name);
    const auth = `Bearer ${await mintDevToken({ roles: ['clinician'], sites: [site], sub: `demo-clinician-${name}` })}`;
    const mentors = Array.from({ length: 4 }, () => randomUUID());
    for (let i = 0; i < size; i++) {
      const participantId = randomUUID();
      const admittedMs = now.getTime() - Math.floor(20 + next() * 250) * DAY;
      const admittedOn = dayOf(admittedMs);
      const mentored = next() < (name === 'north' ? 0.6 : 0.35);
      const event = enrolled(site, participantId, admittedOn, { programme: pick(PROGRAMMES), levelOfCare: pick(LEVELS) });
      const episodeId = (event.data as { episodeId: string }).episodeId;
      await enrolment.handlers.Enrolled(event, undefined as never);
      // Mentored people stay longer in this made-up network: the dashboard should show an association.
      const stay = Math.floor((mentored ? 60 : 25) + next() * (mentored ? 200 : 140));
      const dischargedMs = admittedMs + stay * DAY;
      const dischargedOn = dischargedMs < now.getTime() - DAY ? dayOf(dischargedMs) : null;
      const endMs = dischargedOn ? dischargedMs : now.getTime();

      if (mentored) {
        const matchId = randomUUID();
        const mentorId = pick(mentors);
        await mentoring.handlers.MatchAccepted(heard(site, 'MatchAccepted', { matchId, mentorId, participantId, acceptedAt: new Date(admittedMs + 3 * DAY).toISOString() }), undefined as never);
        for (let c = 0; c < Math.floor((endMs - admittedMs) / (10 * DAY)); c++) {
          await mentoring.handlers.ContactLogged(
            heard(site, 'ContactLogged', { contactId: randomUUID(), matchId, mentorId, participantId, kind: pick(['in-person', 'phone', 'video']), minutes: 20 + Math.floor(next() * 40), contactAt: new Date(admittedMs + (c * 10 + 5) * DAY).toISOString() }),
            undefined as never,
          );
        }
      }
      const weeks = Math.max(1, Math.floor((endMs - admittedMs) / (7 * DAY)));
      const perWeek = next() * (mentored ? 3.5 : 2);
      for (let s = 0; s < Math.min(12, Math.round(perWeek * weeks)); s++) {
        await sessions.handlers.AttendanceRecorded(
          heard(site, 'AttendanceRecorded', {
            sessionId: randomUUID(),
            groupId: randomUUID(),
            groupKind: pick(KINDS),
            participantId,
            status: pick(['present', 'present', 'present', 'late', 'absent', 'excused']),
            minutesAttended: 60,
            localDate: dayOf(admittedMs + Math.floor(next() * (endMs - admittedMs))),
            groupNoteId: null,
            recordedAt: new Date(admittedMs).toISOString(),
          }),
          undefined as never,
        );
      }
      const post = (path: string, body: object) => http().post(`/sites/${site}/participants/${participantId}/${path}`).set('Authorization', auth).send(body);
      const phq = (severity: number) => Array.from({ length: 9 }, (_, k) => (k === 8 ? 0 : Math.min(3, Math.max(0, Math.round(severity + next() - 0.5)))));
      const gad = (severity: number) => Array.from({ length: 7 }, () => Math.min(3, Math.max(0, Math.round(severity + next() - 0.5))));
      const barc = (level: number) => Array.from({ length: 10 }, () => Math.min(6, Math.max(1, Math.round(level + next() - 0.5))));
      const severity = 1 + next() * 1.6;
      await post('assessments', { instrument: 'PHQ-9', items: phq(severity), administeredAt: new Date(admittedMs + DAY).toISOString() });
      await post('assessments', { instrument: 'GAD-7', items: gad(severity), administeredAt: new Date(admittedMs + DAY).toISOString() });
      await post('assessments', { instrument: 'BARC-10', items: barc(3 + next()), administeredAt: new Date(admittedMs + DAY).toISOString() });
      if (endMs - admittedMs > 45 * DAY && next() < 0.8) {
        const later = new Date(admittedMs + 42 * DAY).toISOString();
        const better = mentored ? 1.1 : 0.5;
        await post('assessments', { instrument: 'PHQ-9', items: phq(Math.max(0, severity - better)), administeredAt: later });
        await post('assessments', { instrument: 'GAD-7', items: gad(Math.max(0, severity - better * 0.8)), administeredAt: later });
        await post('assessments', { instrument: 'BARC-10', items: barc(3.6 + better + next() * 0.8), administeredAt: later });
      }
      for (let k = 0; k < Math.floor((endMs - admittedMs) / (30 * DAY)); k++) {
        const positive = next() < (mentored ? 0.12 : 0.25);
        await post('drug-screens', {
          specimen: 'urine',
          collectedAt: new Date(admittedMs + (k * 30 + 7) * DAY).toISOString(),
          results: [{ substance: pick(['fentanyl', 'alcohol', 'cocaine']), result: positive ? 'positive' : 'negative', prescribed: false }],
        });
      }
      await post('reintegration-reviews', { checkpoint: 'intake', livingSituation: pick(['independent', 'with-family-or-friends', 'temporary-accommodation', 'homeless']), occupation: pick(['seeking-work', 'not-in-labour-force', 'employed-part-time']), socialConnectedness: 1 + Math.floor(next() * 3), recordedOn: admittedOn });
      const relapseChance = mentored ? 0.25 : 0.45;
      if (next() < relapseChance) {
        const on = dayOf(admittedMs + Math.floor(next() * (endMs - admittedMs)));
        await post('relapses', { occurredOn: on, substances: [pick(['opiates', 'alcohol', 'fentanyl'])] });
      }
      if (next() < 0.3) await post('lapses', { occurredOn: dayOf(admittedMs + Math.floor(next() * (endMs - admittedMs))), substances: ['alcohol'] });
      if (dischargedOn) {
        await enrolment.handlers.Discharged(discharged(site, participantId, episodeId, admittedOn, dischargedOn, pick(REASONS)), undefined as never);
        await post('reintegration-reviews', { checkpoint: 'discharge', livingSituation: pick(['independent', 'with-family-or-friends', 'recovery-residence', 'temporary-accommodation']), occupation: pick(['employed-part-time', 'employed-full-time', 'education-or-training', 'seeking-work']), socialConnectedness: 2 + Math.floor(next() * 3), recordedOn: dischargedOn });
      }
      people.push({ siteId: site, participantId, episodeId, admittedOn, dischargedOn });
    }
  }
  return people;
};
