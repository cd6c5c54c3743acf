// Mode (a): the plan sent through the services' real command routes, with development tokens, as a
// clinic's staff would. Every request carries an Idempotency-Key derived from the seed and the fact,
// so a run interrupted half-way can simply be run again.
import { mintDevToken, type Role } from '@alongside/platform/security';
import { PlanCalendar } from './calendar';
import { EventTally, forEachLimited } from './event-tally';
import type { NetworkPlan, ParticipantPlan, ReintegrationPlan, SitePlan } from './plan';

export type ServiceUrls = Readonly<{ enrolment: string; sessions: string; mentoring: string; outcomes: string }>;

export type CommandRunOptions = Readonly<{
  urls: ServiceUrls;
  concurrency?: number;
  /** Called after each recorded command with the number of events it recorded. */
  onEvents?: (count: number) => void;
  log?: (line: string) => void;
  /** How long to keep retrying a command whose subject another service has not heard of yet. */
  propagationTimeoutMs?: number;
}>;

type Answer = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; detail: string };

// Staff at each site: several people per role, so the per-person rate limit is never the bottleneck.
const STAFF_PER_ROLE = 32;

class Client {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly sites: readonly string[],
    private readonly tally: EventTally,
    private readonly options: CommandRunOptions,
  ) {}

  async token(role: Role, who: number): Promise<string> {
    const sub = `demo-${role}-${who % STAFF_PER_ROLE}`;
    let token = this.tokens.get(sub);
    if (!token) {
      token = await mintDevToken({ sub, roles: [role], sites: [...this.sites] }, { ttl: '2h' });
      this.tokens.set(sub, token);
    }
    return token;
  }

  /**
   * Sends a command. `heardElsewhere`: the subject comes from another service over Kafka (a
   * participant outcomes or mentoring must hear of first), so 404 and 422 are retried for a while.
   */
  async send(
    service: keyof ServiceUrls,
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    as: { role: Role; who: number },
    key: string,
    events: (body: Record<string, unknown>) => readonly string[],
    heardElsewhere = false,
  ): Promise<Record<string, unknown> | null> {
    const deadline = Date.now() + (this.options.propagationTimeoutMs ?? 60_000);
    let wait = 100;
    for (let attempt = 0; ; attempt++) {
      const answer = await this.request(service, method, path, body, as, key);
      if (answer.ok) {
        const recorded = events(answer.body);
        this.tally.add(recorded);
        this.options.onEvents?.(recorded.length);
        return answer.body;
      }
      const retry =
        answer.status === 0 ||
        answer.status === 429 ||
        answer.status === 409 ||
        answer.status >= 500 ||
        (heardElsewhere && (answer.status === 404 || answer.status === 422));
      if (!retry || Date.now() > deadline) {
        this.tally.fail(`${method} ${service}${path.replace(/[0-9a-f-]{36}/g, ':id')} ${answer.status} ${answer.detail.slice(0, 140)}`);
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, 2_000);
    }
  }

  private async request(service: keyof ServiceUrls, method: string, path: string, body: unknown, as: { role: Role; who: number }, key: string): Promise<Answer> {
    try {
      const response = await fetch(`${this.options.urls[service]}${path}`, {
        method,
        headers: { authorization: `Bearer ${await this.token(as.role, as.who)}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      if (response.ok) return { ok: true, body: parsed };
      return { ok: false, status: response.status, detail: String(parsed['detail'] ?? parsed['title'] ?? text) };
    } catch (error) {
      return { ok: false, status: 0, detail: (error as Error).message };
    }
  }
}

const recordedOf = (body: Record<string, unknown>): readonly string[] => (Array.isArray(body['recorded']) ? (body['recorded'] as string[]) : []);
const fixed = (...types: string[]) => () => types;
// The assessment route answers with the score rather than a `recorded` list.
const assessmentEvents = (body: Record<string, unknown>) => (body['safetyAlertId'] ? ['AssessmentRecorded', 'SafetyAlertRaised'] : ['AssessmentRecorded']);

/** Sends the whole plan; returns the events recorded by type. */
export const runThroughCommands = async (plan: NetworkPlan, options: CommandRunOptions): Promise<EventTally> => {
  const tally = new EventTally();
  const client = new Client(
    plan.sites.map((s) => s.siteId),
    tally,
    options,
  );
  const calendar = new PlanCalendar(plan.startsOn);
  const concurrency = options.concurrency ?? 8;
  const log = options.log ?? (() => undefined);
  const seed = plan.options.seed;
  const key = (...parts: (string | number)[]) => `demo-${seed}-${parts.join('-')}`.slice(0, 128);
  const ids = new Map<string, string>();
  const episodes = new Map<string, string>();
  const idOf = (p: ParticipantPlan) => ids.get(p.participantId);
  const everyone = plan.sites.flatMap((site) => site.participants.map((p, i) => ({ site, p, i })));

  log('sites');
  await forEachLimited(plan.sites, concurrency, async (site, i) => {
    await client.send('enrolment', 'PUT', `/sites/${site.siteId}/configuration`, configurationOf(site), { role: 'platform-admin', who: i }, key(site.siteId, 'configuration'), fixed('SiteConfigured'));
  });

  log('mentors');
  const mentors = plan.sites.flatMap((site) => site.mentors.map((m) => ({ site, m })));
  await forEachLimited(mentors, concurrency, async ({ site, m }, i) => {
    const as = { role: 'site-manager' as const, who: i };
    const base = `/sites/${site.siteId}/mentors`;
    const onboarded = await client.send(
      'mentoring', 'POST', base,
      { mentorId: m.mentorId, displayName: m.displayName, livedExperience: m.livedExperience, languages: m.languages, specialities: m.specialities, maxCaseload: m.maxCaseload },
      as, key(m.mentorId, 'onboard'), recordedOf,
    );
    if (!onboarded) return;
    await client.send('mentoring', 'POST', `${base}/${m.mentorId}/trainings`, { course: 'Peer recovery support: ethics and boundaries', hours: 40, completedOn: calendar.dayOf(m.trainingDay) }, as, key(m.mentorId, 'training'), recordedOf);
    const zone = site.timeZone;
    await client.send(
      'mentoring', 'POST', `${base}/${m.mentorId}/certifications`,
      { certificationId: m.certificationId, credential: 'CPRS', issuer: 'State Certification Board', grantedAt: calendar.instantOf(m.certifiedDay, '09:00', zone), expiresAt: calendar.instantOf(m.certifiedDay + 730, '09:00', zone) },
      as, key(m.mentorId, 'certification'), recordedOf,
    );
  });

  log('participants: registration, admission, consent');
  await forEachLimited(everyone, concurrency, async ({ site, p, i }) => {
    const as = { role: 'clinician' as const, who: i };
    const registered = await client.send(
      'enrolment', 'POST', `/sites/${site.siteId}/participants`,
      { givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth, preferredLanguage: 'en' },
      as, key(p.participantId, 'register'), fixed('ParticipantRegistered', 'ParticipantDetailsRecorded'),
    );
    if (!registered) return;
    const id = String(registered['participantId']);
    ids.set(p.participantId, id);
    const enrolled = await client.send(
      'enrolment', 'POST', `/sites/${site.siteId}/participants/${id}/episodes`,
      { programme: p.programme, levelOfCare: p.levelOfCare, referralSource: p.referralSource, admittedOn: calendar.dayOf(p.admittedDay) },
      as, key(p.participantId, 'enrol'), fixed('Enrolled'),
    );
    if (enrolled) episodes.set(p.participantId, String(enrolled['episodeId']));
    if (p.consentDay !== null) {
      await client.send(
        'enrolment', 'POST', `/sites/${site.siteId}/participants/${id}/consents`,
        {
          recipient: { kind: 'peer-support', siteId: site.siteId },
          purpose: 'peer-support',
          informationCategories: ['enrolment-and-attendance'],
          expiry: { kind: 'date', on: calendar.dayOf(plan.days + 365) },
          signedOn: calendar.dayOf(p.consentDay),
        },
        as, key(p.participantId, 'consent'), fixed('ConsentGranted'),
      );
    }
  });

  log('outcomes, mentoring and groups (waiting for each service to hear of the participants)');
  await Promise.all([
    forEachLimited(everyone, concurrency, async ({ site, p, i }) => {
      const id = idOf(p);
      if (!id) return;
      await recordOutcomes(client, calendar, site, p, id, i, key);
      if (p.match) await recordMatch(client, site, p, id, i, key);
    }),
    recordGroups(client, calendar, plan, ids, key, log),
  ]);

  log('discharges');
  await forEachLimited(everyone, concurrency, async ({ site, p, i }) => {
    const id = idOf(p);
    const episodeId = episodes.get(p.participantId);
    if (!id || !episodeId || !p.discharge) return;
    await client.send(
      'enrolment', 'POST', `/sites/${site.siteId}/participants/${id}/episodes/${episodeId}/discharge`,
      { reason: p.discharge.reason, dischargedOn: calendar.dayOf(p.discharge.day) },
      { role: 'clinician', who: i }, key(p.participantId, 'discharge'), fixed('Discharged'),
    );
    // Due once outcomes has heard of the discharge: until then it answers 422, which is retried.
    for (const r of p.reintegration.filter((review) => review.checkpoint !== 'intake')) {
      await client.send('outcomes', 'POST', `/sites/${site.siteId}/participants/${id}/reintegration-reviews`, reviewOf(r, calendar), { role: 'clinician', who: i }, key(p.participantId, 'reintegration', r.checkpoint), recordedOf, true);
    }
  });
  return tally;
};

type KeyOf = (...parts: (string | number)[]) => string;

const reviewOf = (r: ReintegrationPlan, calendar: PlanCalendar) => ({
  checkpoint: r.checkpoint,
  livingSituation: r.livingSituation,
  occupation: r.occupation,
  socialConnectedness: r.socialConnectedness,
  recordedOn: calendar.dayOf(r.day),
});

const configurationOf = (site: SitePlan) => ({
  name: site.name,
  timeZone: site.timeZone,
  programmes: ['outpatient', 'intensive-outpatient', 'residential'],
  milestonePolicy: { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsCount: false },
  followUpSchedule: { daysAfterDischarge: [7, 30, 90, 180] },
  payerRulesRef: 'medicaid-peer-support@1',
});

/** A participant's record in outcomes, in the order it happened. */
const recordOutcomes = async (client: Client, calendar: PlanCalendar, site: SitePlan, p: ParticipantPlan, id: string, i: number, key: KeyOf) => {
  const as = { role: 'clinician' as const, who: i };
  const base = `/sites/${site.siteId}/participants/${id}`;
  type Fact = { day: number; send: () => Promise<unknown> };
  const facts: Fact[] = [
    // Set at intake; a relapse later begins a new count.
    { day: p.admittedDay, send: () => client.send('outcomes', 'PUT', `${base}/sobriety-date`, { startedOn: calendar.dayOf(p.admittedDay) }, as, key(p.participantId, 'sobriety-start'), recordedOf, true) },
    ...p.assessments.map((a, n): Fact => ({
      day: a.day,
      send: () => client.send('outcomes', 'POST', `${base}/assessments`, { instrument: a.instrument, items: a.items, administeredAt: calendar.instantOf(a.day, '10:00', site.timeZone, n % 2) }, as, key(p.participantId, 'assessment', n), assessmentEvents, true),
    })),
    ...p.screens.map((s, n): Fact => ({
      day: s.day,
      send: () =>
        client.send('outcomes', 'POST', `${base}/drug-screens`, { specimen: s.specimen, collectedAt: calendar.instantOf(s.day, '09:00', site.timeZone), results: s.results.map((r) => ({ ...r, prescribed: false })) }, as, key(p.participantId, 'screen', n), recordedOf, true),
    })),
    // Only the intake review here: the later ones are due after the discharge, sent with it below.
    ...p.reintegration.filter((r) => r.checkpoint === 'intake').map((r): Fact => ({
      day: r.day,
      send: () => client.send('outcomes', 'POST', `${base}/reintegration-reviews`, reviewOf(r, calendar), as, key(p.participantId, 'reintegration', r.checkpoint), recordedOf, true),
    })),
    ...p.lapses.map((day, n): Fact => ({
      day,
      send: () => client.send('outcomes', 'POST', `${base}/lapses`, { occurredOn: calendar.dayOf(day), substances: [p.primarySubstance] }, as, key(p.participantId, 'lapse', n), recordedOf, true),
    })),
    ...p.relapses.map((day, n): Fact => ({
      day,
      send: () => client.send('outcomes', 'POST', `${base}/relapses`, { occurredOn: calendar.dayOf(day), substances: [p.primarySubstance] }, as, key(p.participantId, 'relapse', n), recordedOf, true),
    })),
  ];
  facts.sort((a, b) => a.day - b.day);
  for (const fact of facts) await fact.send();
};

/**
 * The match, through mentoring's routes. A match has no date field (it is proposed and accepted
 * "now"), and a contact cannot predate the match, so through the command path the mentoring history
 * is today's: one contact per match. Mode (b) writes the dated history.
 */
const recordMatch = async (client: Client, site: SitePlan, p: ParticipantPlan, id: string, i: number, key: KeyOf) => {
  const match = p.match!;
  const as = { role: 'site-manager' as const, who: i };
  const proposed = await client.send('mentoring', 'POST', `/sites/${site.siteId}/matches`, { matchId: match.matchId, participantId: id, mentorId: match.mentorId }, as, key(p.participantId, 'match'), recordedOf, true);
  if (!proposed) return;
  const accepted = await client.send('mentoring', 'POST', `/sites/${site.siteId}/matches/${match.matchId}/acceptance`, {}, as, key(p.participantId, 'match-accepted'), recordedOf);
  if (!accepted || p.contacts.length === 0) return;
  const last = p.contacts[p.contacts.length - 1];
  await client.send(
    'mentoring', 'POST', `/sites/${site.siteId}/matches/${match.matchId}/contacts`,
    { kind: last.kind, minutes: last.minutes, contactAt: new Date().toISOString() },
    as, key(p.participantId, 'contact'), recordedOf,
  );
};

/** Weeks of group history taken through the command path (each session is three requests). */
const GROUP_WEEKS = 6;

/**
 * Groups, members and the last weeks' sessions with attendance, if the sessions service serves its
 * routes (it is being finished): anything it refuses is counted, not fatal.
 */
const recordGroups = async (client: Client, calendar: PlanCalendar, plan: NetworkPlan, ids: Map<string, string>, key: KeyOf, log: (line: string) => void) => {
  const firstDay = plan.days - GROUP_WEEKS * 7;
  for (const [s, site] of plan.sites.entries()) {
    await forEachLimited(site.groups, 3, async (group, g) => {
      const as = { role: 'site-manager' as const, who: s * 10 + g };
      const created = await client.send(
        'sessions', 'POST', `/sites/${site.siteId}/groups`,
        {
          groupId: group.groupId,
          name: group.name,
          kind: group.kind,
          facilitator: group.facilitator,
          capacity: group.capacity,
          location: `${site.name}, group room ${g + 1}`,
          schedule: { slots: [{ weekday: group.weekday, startTime: group.startTime, durationMinutes: group.minutes }], startsOn: calendar.dayOf(0) },
        },
        as, key(group.groupId, 'create'), fixed('GroupCreated'), true,
      );
      if (!created) return;
      const sessions = group.sessions.filter((session) => session.day >= firstDay);
      const members = [...new Set(sessions.flatMap((session) => session.entries.map((e) => e.participantId)))];
      await forEachLimited(members, 4, async (planId) => {
        const id = ids.get(planId);
        if (id) await client.send('sessions', 'POST', `/sites/${site.siteId}/groups/${group.groupId}/members`, { participantId: id }, as, key(group.groupId, planId, 'member'), recordedOf, true);
      });
      for (const session of sessions) {
        const startsAt = calendar.instantOf(session.day, group.startTime, site.timeZone);
        const scheduled = await client.send('sessions', 'POST', `/sites/${site.siteId}/groups/${group.groupId}/sessions`, { startsAt, durationMinutes: group.minutes }, as, key(group.groupId, session.day, 'session'), recordedOf);
        if (!scheduled) continue;
        const sessionId = String(scheduled['sessionId']);
        const held = await client.send(
          'sessions', 'POST', `/sites/${site.siteId}/sessions/${sessionId}/held`,
          { startedAt: startsAt, endedAt: calendar.instantOf(session.day, group.startTime, site.timeZone, group.minutes), topic: 'Coping with cravings' },
          as, key(group.groupId, session.day, 'held'), recordedOf,
        );
        const entries = session.entries.filter((e) => ids.has(e.participantId)).map((e) => ({ participantId: ids.get(e.participantId)!, status: e.status, minutesAttended: e.minutes }));
        if (!held || entries.length === 0) continue;
        await client.send('sessions', 'POST', `/sites/${site.siteId}/sessions/${sessionId}/attendance`, { entries }, as, key(group.groupId, session.day, 'attendance'), (body) => Array(Number(body['recorded'] ?? 0)).fill('AttendanceRecorded'));
      }
    });
  }
  log('groups done');
};
