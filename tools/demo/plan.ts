// The synthetic network as a plan: who is admitted when, what happens to them, day by day. Pure:
// no clock, no I/O; the same options give the same plan. The executors turn it into commands
// (through the services' HTTP routes) or into events (appended directly to each service's store).
import { DateTime } from 'luxon';
import { DYNAMICS as D } from './dynamics';
import { Random } from './random';

export type PlanOptions = Readonly<{
  /** How many sites (named `site-001`…), or the sites' ids. */
  sites: number | readonly string[];
  participantsPerSite: number;
  months: number;
  seed: number;
  /** The day the history ends (excluded: every fact is dated before it), YYYY-MM-DD. */
  asOf: string;
}>;

export type MentorPlan = Readonly<{
  mentorId: string;
  displayName: string;
  languages: readonly string[];
  specialities: readonly string[];
  livedExperience: readonly string[];
  maxCaseload: number;
  trainingDay: number;
  certificationId: string;
  certifiedDay: number;
}>;

export type MatchPlan = Readonly<{ matchId: string; mentorId: string; day: number }>;
export type ContactPlan = Readonly<{ day: number; kind: string; minutes: number }>;
export type AssessmentPlan = Readonly<{ day: number; instrument: 'PHQ-9' | 'GAD-7' | 'BARC-10'; items: readonly number[] }>;
export type ScreenPlan = Readonly<{ day: number; specimen: string; results: readonly { substance: string; result: 'positive' | 'negative' }[] }>;
export type DischargePlan = Readonly<{ day: number; reason: string }>;
export type ReintegrationPlan = Readonly<{
  day: number;
  checkpoint: 'intake' | 'discharge' | 'follow-up-30' | 'follow-up-90';
  livingSituation: string;
  occupation: string;
  socialConnectedness: number;
}>;

export type ParticipantPlan = Readonly<{
  participantId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  admittedDay: number;
  programme: string;
  levelOfCare: string;
  referralSource: string;
  primarySubstance: string;
  consentDay: number | null;
  match: MatchPlan | null;
  contacts: readonly ContactPlan[];
  assessments: readonly AssessmentPlan[];
  screens: readonly ScreenPlan[];
  lapses: readonly number[];
  relapses: readonly number[];
  attendanceRate: number;
  groupIndex: number;
  discharge: DischargePlan | null;
  reintegration: readonly ReintegrationPlan[];
}>;

export type AttendancePlan = Readonly<{ participantId: string; status: 'present' | 'late' | 'absent'; minutes: number }>;
export type SessionPlan = Readonly<{ day: number; entries: readonly AttendancePlan[] }>;

export type GroupPlan = Readonly<{
  groupId: string;
  kind: string;
  name: string;
  weekday: number;
  startTime: string;
  minutes: number;
  capacity: number;
  facilitator: Readonly<{ kind: 'peer' | 'clinician' | 'staff'; id: string }>;
  sessions: readonly SessionPlan[];
}>;

export type SitePlan = Readonly<{
  siteId: string;
  name: string;
  timeZone: string;
  mentors: readonly MentorPlan[];
  groups: readonly GroupPlan[];
  participants: readonly ParticipantPlan[];
}>;

export type NetworkPlan = Readonly<{
  options: PlanOptions;
  /** Day 0 of the plan; day `days - 1` is the day before `asOf`. */
  startsOn: string;
  days: number;
  sites: readonly SitePlan[];
}>;

const TIME_ZONES = ['America/Chicago', 'America/New_York', 'America/Denver', 'America/Los_Angeles'];
const GIVEN = ['Ana', 'Sam', 'Jordan', 'Lee', 'Maria', 'Chris', 'Alex', 'Dana', 'Jamie', 'Luis', 'Grace', 'Omar', 'Tess', 'Ray', 'Nia', 'Ivan'];
const FAMILY = ['López', 'Rivera', 'Smith', 'Nguyen', 'Okafor', 'Brown', 'Kowalski', 'Haddad', 'Kim', 'Johnson', 'Moreau', 'Patel'];
const SITE_NAMES: Record<string, string> = { north: 'North Recovery Centre', south: 'South Community Treatment', east: 'East Harbour Clinic' };

export const siteIdsOf = (sites: PlanOptions['sites']): string[] =>
  typeof sites === 'number' ? Array.from({ length: sites }, (_, i) => `site-${String(i + 1).padStart(3, '0')}`) : [...sites];

export const generatePlan = (options: PlanOptions): NetworkPlan => {
  const frame = planFrame(options);
  return { options, startsOn: frame.startsOn, days: frame.days, sites: frame.siteIds.map((siteId, index) => planSite(siteId, index, frame.days, frame.startWeekday, options)) };
};

/**
 * The same plan one site at a time (each a plan of that site alone, equal to that site of
 * `generatePlan`): a site's random draws depend only on the seed and its id, so a network of 100
 * sites and 10 million events never has to be held in memory at once.
 */
export function* generateSitePlans(options: PlanOptions): Generator<NetworkPlan> {
  const frame = planFrame(options);
  for (const [index, siteId] of frame.siteIds.entries()) {
    yield { options, startsOn: frame.startsOn, days: frame.days, sites: [planSite(siteId, index, frame.days, frame.startWeekday, options)] };
  }
}

const planFrame = (options: PlanOptions) => {
  const end = DateTime.fromISO(options.asOf, { zone: 'UTC' });
  if (!end.isValid) throw new Error(`asOf must be a day, YYYY-MM-DD: ${options.asOf}`);
  const start = end.minus({ months: options.months });
  return { startsOn: start.toISODate()!, days: Math.round(end.diff(start, 'days').days), startWeekday: start.weekday, siteIds: siteIdsOf(options.sites) };
};

const planSite = (siteId: string, index: number, days: number, startWeekday: number, options: PlanOptions): SitePlan => {
  const random = new Random(`${options.seed}/${siteId}`);
  const mentorCount = Math.max(2, Math.ceil((options.participantsPerSite * D.mentorsPer100Participants) / 100));
  const mentors = Array.from({ length: mentorCount }, (): MentorPlan => planMentor(random));
  const groups = D.groups.map((g, i) => ({
    groupId: random.uuid(),
    kind: g.kind,
    name: g.name,
    weekday: g.weekday,
    startTime: g.startTime,
    minutes: g.minutes,
    capacity: Math.max(g.capacity, Math.ceil(options.participantsPerSite / 2)),
    facilitator: { kind: g.facilitator, id: g.facilitator === 'peer' ? mentors[i % mentors.length].mentorId : random.uuid() },
  }));
  const caseload = new Map(mentors.map((m) => [m.mentorId, 0]));
  const participants = Array.from({ length: options.participantsPerSite }, () =>
    planParticipant(random, days, mentors, caseload, groups.length),
  ).sort((a, b) => a.admittedDay - b.admittedDay);
  return {
    siteId,
    name: SITE_NAMES[siteId] ?? `Recovery site ${siteId}`,
    timeZone: TIME_ZONES[index % TIME_ZONES.length],
    mentors,
    groups: groups.map((group, i) => ({ ...group, sessions: planSessions(random, (group.weekday - startWeekday + 7) % 7, days, participants.filter((p) => p.groupIndex === i), group.minutes) })),
    participants,
  };
};

const planMentor = (random: Random): MentorPlan => ({
  mentorId: random.uuid(),
  displayName: `${random.pick(GIVEN)} ${random.pick(FAMILY)}`,
  languages: random.chance(0.3) ? ['en', 'es'] : ['en'],
  specialities: [random.pick(['opioid-use', 'alcohol-use', 'stimulant-use', 'young-adults', 'justice-involved', 'women', 'veterans'])],
  livedExperience: ['substance-use-recovery'],
  maxCaseload: D.mentorMaxCaseload,
  trainingDay: -random.int(60, 120),
  certificationId: random.uuid(),
  certifiedDay: -random.int(10, 50),
});

const planParticipant = (random: Random, days: number, mentors: readonly MentorPlan[], caseload: Map<string, number>, groupCount: number): ParticipantPlan => {
  const participantId = random.uuid();
  const admittedDay = random.int(0, days - 1);
  const kind = random.weighted(D.programmes.map((p) => [p, p.share] as const));
  const plannedStay = random.int(kind.completesAfterDays[0], kind.completesAfterDays[1]);
  const lastDay = days - 1;
  const attendanceRate = clamp(random.normal(D.attendance.mean, D.attendance.spread / 1.5), 0.05, 0.98);
  const lowAttendance = attendanceRate < D.attendance.lowBelow;
  const primarySubstance = random.weighted(D.primarySubstances);

  const consentDay = random.chance(D.peerSupportConsentShare) ? admittedDay + random.int(D.consentAfterDays[0], D.consentAfterDays[1]) : null;
  let match: MatchPlan | null = null;
  if (consentDay !== null && random.chance(D.matchedShareOfConsenting)) {
    const mentor = [...mentors].sort((a, b) => caseload.get(a.mentorId)! - caseload.get(b.mentorId)!)[0];
    if (caseload.get(mentor.mentorId)! < mentor.maxCaseload) {
      match = { matchId: random.uuid(), mentorId: mentor.mentorId, day: consentDay + random.int(D.matchAfterConsentDays[0], D.matchAfterConsentDays[1]) };
    }
  }

  const lapses: number[] = [];
  const relapses: number[] = [];
  let discharge: DischargePlan | null = null;
  let relapsed = false;
  let day = admittedDay;
  for (; day <= lastDay; day++) {
    const inTreatment = day - admittedDay;
    if (inTreatment >= plannedStay) {
      discharge = { day, reason: 'completed' };
      break;
    }
    const mentored = match !== null && day >= match.day;
    let dropout = inTreatment < 30 ? D.dropoutHazard.first30Days : inTreatment < 90 ? D.dropoutHazard.days31To90 : D.dropoutHazard.after90Days;
    if (mentored) dropout *= D.dropoutHazardRatioMentored;
    if (relapsed) dropout *= D.dropoutHazardRatioAfterRelapse;
    if (inTreatment > 0 && random.chance(dropout)) {
      discharge = { day, reason: random.weighted(D.earlyDischargeReasons) };
      break;
    }
    let relapse = D.relapseHazard;
    if (!mentored) relapse *= D.relapseHazardRatioUnmentored;
    if (lowAttendance) relapse *= D.relapseHazardRatioLowAttendance;
    if (inTreatment > 0 && random.chance(relapse)) {
      relapses.push(day);
      relapsed = true;
    } else if (inTreatment > 0 && random.chance(relapse * D.lapseToRelapseRatio)) {
      lapses.push(day);
    }
  }
  const lastInTreatment = discharge ? discharge.day : lastDay;
  // A consent or a match planned after the episode ended did not happen.
  const consent = consentDay !== null && consentDay <= lastInTreatment ? consentDay : null;
  if (match && (consent === null || match.day > lastInTreatment)) match = null;
  if (match) caseload.set(match.mentorId, caseload.get(match.mentorId)! + 1);

  const contacts: ContactPlan[] = [];
  if (match) {
    for (let d = match.day; d <= lastInTreatment; d += D.contactEveryDays) {
      contacts.push({ day: d, kind: random.weighted(D.contactKinds), minutes: random.int(D.contactMinutes[0], D.contactMinutes[1]) });
    }
  }

  const setbackAt = (d: number) => relapses.reduce((s, r) => (d >= r && d - r < 30 ? Math.max(s, 1 - (d - r) / 30) : s), 0);
  const phqIntake = clamp(random.normal(D.phq9.intakeMean, D.phq9.intakeSd), 2, 26);
  const barcIntake = clamp(random.normal(D.barc10.intakeMean, D.barc10.intakeSd), 14, 52);
  const assessments: AssessmentPlan[] = [];
  for (let d = admittedDay; d <= lastInTreatment; d += D.assessEveryDays) {
    const t = d - admittedDay;
    const setback = setbackAt(d);
    const phq = phqIntake * (D.phq9.floorShare + (1 - D.phq9.floorShare) * Math.exp(-t / D.phq9.timeConstantDays)) + setback * D.relapseSetback.phq9;
    const barc = barcIntake + D.barc10.gain * (1 - Math.exp(-t / D.barc10.timeConstantDays)) + setback * D.relapseSetback.barc10;
    assessments.push({ day: d, instrument: 'PHQ-9', items: phq9Items(random, clamp(Math.round(random.normal(phq, D.phq9.noiseSd)), 0, 27)) });
    assessments.push({ day: d, instrument: 'BARC-10', items: barc10Items(random, clamp(Math.round(random.normal(barc, D.barc10.noiseSd)), 10, 60)) });
  }
  // GAD-7 draws from its own stream: adding it left every other fact of a seed's plan as it was.
  const anxious = new Random(`gad-7/${participantId}`);
  const gadIntake = clamp(anxious.normal(D.gad7.intakeMean, D.gad7.intakeSd), 1, 21);
  for (let d = admittedDay; d <= lastInTreatment; d += D.assessEveryDays) {
    const t = d - admittedDay;
    const gad = gadIntake * (D.gad7.floorShare + (1 - D.gad7.floorShare) * Math.exp(-t / D.gad7.timeConstantDays)) + setbackAt(d) * D.relapseSetback.gad7;
    assessments.push({ day: d, instrument: 'GAD-7', items: gad7Items(anxious, clamp(Math.round(anxious.normal(gad, D.gad7.noiseSd)), 0, 21)) });
  }

  const screens: ScreenPlan[] = [];
  const returns = [...lapses, ...relapses];
  for (let d = admittedDay + 3; d <= lastInTreatment; d += D.screenEveryDays) {
    const positive = returns.some((r) => d >= r && d - r <= 3);
    screens.push({ day: d, specimen: random.weighted(D.screenSpecimens), results: [{ substance: primarySubstance, result: positive ? 'positive' : 'negative' }] });
  }

  return {
    participantId,
    givenName: random.pick(GIVEN),
    familyName: random.pick(FAMILY),
    dateOfBirth: `${random.int(1960, 2004)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    admittedDay,
    programme: kind.programme,
    levelOfCare: random.pick(kind.levels),
    referralSource: random.weighted(D.referralSources),
    primarySubstance,
    consentDay: consent,
    match,
    contacts,
    assessments,
    screens,
    lapses,
    relapses,
    attendanceRate,
    groupIndex: random.int(0, groupCount - 1),
    discharge,
    reintegration: planReintegration(participantId, admittedDay, discharge, days),
  };
};

const planSessions = (random: Random, firstDay: number, days: number, members: readonly ParticipantPlan[], minutes: number): SessionPlan[] => {
  const sessions: SessionPlan[] = [];
  for (let day = firstDay; day < days; day += 7) {
    const entries: AttendancePlan[] = [];
    for (const p of members) {
      const last = p.discharge ? p.discharge.day : days - 1;
      if (day < p.admittedDay || day > last) continue;
      const attended = random.chance(p.attendanceRate);
      const late = attended && random.chance(0.1);
      entries.push({ participantId: p.participantId, status: attended ? (late ? 'late' : 'present') : 'absent', minutes: attended ? (late ? minutes - 15 : minutes) : 0 });
    }
    if (entries.length > 0) sessions.push({ day, entries });
  }
  return sessions;
};

const STABLY_HOUSED = ['independent', 'with-family-or-friends', 'recovery-residence', 'supported-housing'];
const IN_WORK_OR_EDUCATION = ['employed-full-time', 'employed-part-time', 'education-or-training'];

/** Reintegration reviews, from their own random stream (like GAD-7) so the rest of the plan stays as it was. */
const planReintegration = (participantId: string, admittedDay: number, discharge: DischargePlan | null, days: number): ReintegrationPlan[] => {
  const random = new Random(`reintegration/${participantId}`);
  const R = D.reintegration;
  let livingSituation: string = random.weighted(R.livingAtIntake);
  let occupation: string = random.weighted(R.occupationAtIntake);
  let socialConnectedness = random.int(1, 3);
  const reviews: ReintegrationPlan[] = [{ day: admittedDay, checkpoint: 'intake', livingSituation, occupation, socialConnectedness }];
  if (!discharge) return reviews;
  const improves = discharge.reason === 'completed' ? R.improvesPerReview.completed : R.improvesPerReview.endedEarly;
  const checkpoints = [
    { day: discharge.day, checkpoint: 'discharge' as const },
    ...R.followUpDays.map((after) => ({ day: discharge.day + after, checkpoint: `follow-up-${after}` as 'follow-up-30' | 'follow-up-90' })),
  ];
  for (const { day, checkpoint } of checkpoints) {
    if (day > days - 1) break;
    if (!STABLY_HOUSED.includes(livingSituation) && random.chance(improves)) livingSituation = random.pick(['recovery-residence', 'with-family-or-friends']);
    if (!IN_WORK_OR_EDUCATION.includes(occupation) && random.chance(improves)) occupation = random.pick(['employed-part-time', 'education-or-training']);
    if (random.chance(improves)) socialConnectedness = Math.min(5, socialConnectedness + 1);
    reviews.push({ day, checkpoint, livingSituation, occupation, socialConnectedness });
  }
  return reviews;
};

/** Nine PHQ-9 answers 0–3 adding up to `total` (item 9 rarely above 0: that raises a safety alert). */
const phq9Items = (random: Random, total: number): number[] => {
  const items = new Array<number>(9).fill(0);
  const withItemNine = total > 0 && random.chance(D.phq9.itemNineShare);
  if (withItemNine) items[8] = 1;
  spread(random, items, total - items[8], 8, 3);
  return items;
};

/** Seven GAD-7 answers 0–3 adding up to `total`. */
const gad7Items = (random: Random, total: number): number[] => {
  const items = new Array<number>(7).fill(0);
  spread(random, items, total, 7, 3);
  return items;
};

/** Ten BARC-10 answers 1–6 adding up to `total`. */
const barc10Items = (random: Random, total: number): number[] => {
  const items = new Array<number>(10).fill(1);
  spread(random, items, total - 10, 10, 6);
  return items;
};

const spread = (random: Random, items: number[], amount: number, over: number, max: number): void => {
  // Never more than the items can hold (PHQ-9 at 27 with item 9 at 1 would not fit).
  let left = Math.min(amount, items.slice(0, over).reduce((room, v) => room + max - v, 0));
  while (left > 0) {
    const i = random.int(0, over - 1);
    if (items[i] < max) {
      items[i]++;
      left--;
    }
  }
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** What the plan holds, by kind: the same for the same seed. */
export const planCounts = (plan: NetworkPlan): Record<string, number> => {
  const counts: Record<string, number> = { sites: plan.sites.length, mentors: 0, groups: 0, sessions: 0, attendances: 0, participants: 0, consents: 0, matches: 0, contacts: 0, assessments: 0, screens: 0, lapses: 0, relapses: 0, discharges: 0, reintegrationReviews: 0 };
  for (const site of plan.sites) {
    counts.mentors += site.mentors.length;
    counts.groups += site.groups.length;
    for (const g of site.groups) {
      counts.sessions += g.sessions.length;
      for (const s of g.sessions) counts.attendances += s.entries.length;
    }
    for (const p of site.participants) {
      counts.participants++;
      if (p.consentDay !== null) counts.consents++;
      if (p.match) counts.matches++;
      counts.contacts += p.contacts.length;
      counts.assessments += p.assessments.length;
      counts.screens += p.screens.length;
      counts.lapses += p.lapses.length;
      counts.relapses += p.relapses.length;
      if (p.discharge) counts.discharges++;
      counts.reintegrationReviews += p.reintegration.length;
    }
  }
  return counts;
};
