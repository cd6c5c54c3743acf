import { setTimeout as sleep } from 'node:timers/promises';
import type { RetentionView } from '@alongside/outcomes/contracts';
import type { CaseRunner } from '../harness/bench-case';
import { measureRounds, roundsPlan } from '../harness/rounds';
import { latencyOf } from '../harness/stats';
import { admissionStages, type Journey } from './admission-stages';
import { bearerFor, sendJson, startServiceApps } from './service-apps';

type Pending = { site: string; nth: number; sentAt: bigint; participantId: string; sentAtMs: number };

const elapsedMs = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e6;

const CONFIGURATION = {
  timeZone: 'UTC',
  programmes: ['outpatient', 'intensive-outpatient', 'residential'],
  milestonePolicy: { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsCount: false },
  followUpSchedule: { daysAfterDischarge: [7, 30, 90, 180] },
  payerRulesRef: 'medicaid-peer-support@1',
};

/**
 * Command → dashboard (DESIGN §9): admissions sent to enrolment's HTTP route at a steady rate from
 * several sites; each is visible once outcomes' retention dashboard (the query the page uses) counts
 * it in its site's census. The path: enrolment's store → relay → Kafka → outcomes' consumer → outcomes'
 * log → projection → read model → dashboard route. Dashboards are aggregates, so an admission counts as
 * seen when its site's census reaches the number of admissions sent there up to and including it.
 */
export const run: CaseRunner = async (context) => {
  const sites = Array.from({ length: context.size(5, 2) }, (_, i) => `bench-site-${i + 1}`);
  const perRound = context.size(150, 4);
  // BENCH_COMMAND_RATE: the offered load, to find the rate at which the target holds on a given machine.
  const ratePerSecond = Number(process.env['BENCH_COMMAND_RATE'] ?? context.size(15, 20));
  const prefix = `bench-c2d-${process.pid}-${Date.now().toString(36)}`;
  const apps = await startServiceApps({ databaseUrl: context.databaseUrl, brokers: context.brokers, prefix });
  try {
    const admin = await bearerFor(sites, ['platform-admin']);
    const clinician = await bearerFor(sites, ['clinician']);
    const manager = await bearerFor(sites, ['site-manager']);
    const dashboard = (site: string) => sendJson<RetentionView>('GET', `${apps.outcomesUrl}/sites/${site}/dashboards/retention`, manager);
    for (const site of sites) await sendJson('PUT', `${apps.enrolmentUrl}/sites/${site}/configuration`, admin, { name: site, ...CONFIGURATION });
    // Yesterday in UTC: an admission dated today could be "in the future" for a site east of here.
    const admittedOn = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const sent = new Map(sites.map((s) => [s, 0]));
    const baseline = new Map(sites.map((s) => [s, 0]));
    const commandMs: number[] = [];
    const journeys: Journey[] = [];
    const plan = roundsPlan(context.scale);
    let measuring = false;
    const outcome = await measureRounds(
      context,
      plan,
      // Registration is setup: only the admission is the command whose effect is timed.
      async (round) => {
        measuring = round >= plan.warmups;
        const participants: { site: string; id: string }[] = [];
        for (let i = 0; i < perRound; i++) {
          const site = sites[i % sites.length];
          const body = { givenName: 'Bench', familyName: `Participant ${i}`, dateOfBirth: '1990-01-01', preferredLanguage: 'en' };
          const registered = await sendJson<{ participantId: string }>('POST', `${apps.enrolmentUrl}/sites/${site}/participants`, clinician, body);
          participants.push({ site, id: registered.participantId });
        }
        // The census moves with admissions only; read where it stands before the round.
        for (const site of sites) baseline.set(site, (await dashboard(site).catch(() => undefined))?.census.active ?? 0);
        sites.forEach((s) => sent.set(s, 0));
        return participants;
      },
      async (participants, latency) => {
        const pending: Pending[] = [];
        const sends: Promise<unknown>[] = [];
        const started = process.hrtime.bigint();
        let polling = true;
        // A poller per site, as each site's dashboard page polls on its own: one poller taking the
        // sites in turn added the other sites' queries to every admission's time.
        const poller = Promise.all(
          sites.map(async (site) => {
            for (;;) {
              const waiting = pending.some((p) => p.site === site);
              if (!polling && !waiting) return;
              const view = waiting ? await dashboard(site).catch(() => undefined) : undefined;
              if (view) {
                const seen = view.census.active - baseline.get(site)!;
                for (let i = pending.length - 1; i >= 0; i--) {
                  if (pending[i].site === site && pending[i].nth <= seen) {
                    const ms = elapsedMs(pending[i].sentAt);
                    latency.samplesMs.push(ms);
                    if (measuring) journeys.push({ participantId: pending[i].participantId, sentAtMs: pending[i].sentAtMs, seenAfterMs: ms });
                    pending.splice(i, 1);
                  }
                }
              }
              await sleep(5);
            }
          }),
        );
        for (let i = 0; i < participants.length; i++) {
          // A steady rate: command i leaves at i / rate seconds, whatever the previous ones are doing.
          const due = (i * 1000) / ratePerSecond - elapsedMs(started);
          if (due > 0) await sleep(due);
          const { site, id } = participants[i];
          const nth = sent.get(site)! + 1;
          sent.set(site, nth);
          const sentAt = process.hrtime.bigint();
          pending.push({ site, nth, sentAt, participantId: id, sentAtMs: Date.now() });
          sends.push(
            sendJson('POST', `${apps.enrolmentUrl}/sites/${site}/participants/${id}/episodes`, clinician, {
              programme: 'outpatient',
              levelOfCare: '1',
              referralSource: 'self',
              admittedOn,
            }).then(() => commandMs.push(elapsedMs(sentAt))),
          );
        }
        await Promise.all(sends);
        polling = false;
        const deadline = Date.now() + 120_000;
        while (pending.length > 0 && Date.now() < deadline) await sleep(10);
        if (pending.length > 0) throw new Error(`${pending.length} admissions never reached the dashboard within 120 s`);
        await poller;
        return participants.length;
      },
    );
    const stages = await admissionStages(
      { databaseUrl: context.databaseUrl, brokers: context.brokers, enrolmentTopic: `${prefix}.enrolment.events`, inboxConsumer: `${prefix}.outcomes.enrolment` },
      journeys,
    );
    return {
      unit: 'commands/s',
      ...outcome,
      work: `${perRound} admissions at ${ratePerSecond}/s over ${sites.length} sites, each until the dashboard counts it`,
      details: { sites: sites.length, commandsPerRound: perRound, ratePerSecond, commandMs: latencyOf(commandMs), seen: 'retention census.active per site', stages },
    };
  } finally {
    await apps.close();
  }
};
