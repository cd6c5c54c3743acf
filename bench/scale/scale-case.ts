import type { INestApplication } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { OutcomesAppModule } from '../../apps/outcomes/src/app.module';
import { OutcomeProjections } from '../../apps/outcomes/src/outcome-projections';
import { createServiceApp } from '@alongside/platform/service-runtime';
import type { CaseResult, CaseRunner } from '../harness/bench-case';
import { LatencyRecorder, measureRounds, roundsPlan } from '../harness/rounds';
import { latencyOf } from '../harness/stats';
import { scaleCaseName, TINY_SCALE_DIVISOR } from '../harness/scale-sizes';
import { bearerFor, sendJson } from '../system/service-apps';
import { appendAtSize } from './append-at-size';
import { buildLog, siteIdOf, type LogBuild } from './build-log';
import { OUTCOME_VIEW_ENTITIES, OUTCOME_VIEWS, outcomeViewsProjection } from '@alongside/outcomes/read-models';
import { projectionKey } from '@alongside/platform/projections';
import { getMetadataArgsStorage } from 'typeorm';
import { openScaleDatabase, readMeta, resetViews, scaleDatabaseName, writeMeta } from './scale-database';

type ViewsBuild = Readonly<{ projectedEvents: number; rebuildSeconds: number; rebuildEventsPerSecond: number; resumedFrom: string; builtAt: string }>;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Runs the outcome views projection to the log's head with the app's own runner; progress on stderr. */
const projectToHead = async (app: INestApplication, label: string): Promise<ViewsBuild> => {
  const runner = app.get(OutcomeProjections).runner;
  const [first] = runner.progress();
  const from = first?.position ?? 0n;
  const started = process.hrtime.bigint();
  let done = false;
  // The runner retries a failing batch for ever (right for a service); a bench must stop and say why.
  const watcher = (async () => {
    let ticks = 0;
    let stuckOn: { position: bigint | null; error: string } | undefined;
    for (let second = 1; ; second++) {
      await sleep(1_000);
      if (done) return;
      const [now] = runner.progress();
      if (now?.lastError && stuckOn?.position === now.position && ++ticks >= 10) throw new Error(`projection stuck at ${now.position}: ${now.lastError}`);
      if (!now?.lastError || stuckOn?.position !== now.position) ticks = 0;
      stuckOn = now?.lastError ? { position: now.position, error: now.lastError } : undefined;
      if (second % 15 === 0) log(`${label}: projected to ${now?.position ?? '?'} (lag ${now?.lag ?? '?'})`);
    }
  })();
  await Promise.race([runner.caughtUp(), watcher]);
  done = true;
  const rebuildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [end] = runner.progress();
  const projectedEvents = Number((end?.position ?? 0n) - from);
  return { projectedEvents, rebuildSeconds, rebuildEventsPerSecond: projectedEvents / rebuildSeconds, resumedFrom: from.toString(), builtAt: new Date().toISOString() };
};

const DASHBOARDS = ['retention', 'relapse', 'engagement', 'wellbeing'] as const;

/**
 * How cost grows (issue 12) and the dashboard target of DESIGN §9: the generator's 100-site network
 * at a given size in outcomes' log (appended through the store's batched append), the outcome views
 * rebuilt from it by the app's projection runner, then the queries the dashboard page and the analyst
 * API make, timed one by one through the outcomes service's routes. The full-size database is kept
 * between runs (`--fresh` builds it again); its build figures are those of the run that built it.
 */
export const run: CaseRunner = async (context) => {
  const size = Number(context.args[0]);
  const label = scaleCaseName(size);
  const full = context.scale === 'full';
  const url = full ? await openScaleDatabase(context.databaseUrl, scaleDatabaseName(size), process.env['BENCH_FRESH'] === '1') : context.databaseUrl;
  const sites = context.size(100, 4);
  let build = full ? await readMeta<LogBuild>(url, 'log') : undefined;
  if (!build) {
    log(`${label}: building the log (${size.toLocaleString('en')} events${full ? '' : ` ÷ ${TINY_SCALE_DIVISOR}, tiny`})`);
    build = await buildLog(url, { events: context.size(size, Math.round(size / TINY_SCALE_DIVISOR)), sites, label, log });
    if (full) await writeMeta(url, 'log', build);
  }
  if (full && process.env['BENCH_REBUILD_VIEWS'] === '1' && (await readMeta<ViewsBuild>(url, 'views'))) {
    log(`${label}: emptying the outcome views to rebuild them (BENCH_REBUILD_VIEWS)`);
    const tables = getMetadataArgsStorage()
      .tables.filter((table) => (OUTCOME_VIEW_ENTITIES as readonly unknown[]).includes(table.target))
      .map((table) => String(table.name));
    await resetViews(url, 'outcomes', tables, projectionKey({ name: OUTCOME_VIEWS, version: outcomeViewsProjection.version }));
  }
  const env = { ...process.env, DATABASE_URL: url, ROLE: 'projections', LOG_LEVEL: 'warn', THROTTLE_LIMIT: 'off' };
  // The edge's per-person rate limit reads process.env itself; one bench user would hit it at once.
  process.env['THROTTLE_LIMIT'] = 'off';
  const app = await createServiceApp(OutcomesAppModule.forRoot({ env }) as never);
  let measured: Omit<CaseResult, 'details'> & { details: Record<string, unknown> };
  try {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    let views = full ? await readMeta<ViewsBuild>(url, 'views') : undefined;
    const projected = await projectToHead(app, label);
    if (!views) {
      views = projected;
      if (full) await writeMeta(url, 'views', views);
    }
    const siteIds = Array.from({ length: sites }, (_, i) => siteIdOf(i));
    const manager = await bearerFor(siteIds, ['site-manager']);
    const analyst = await bearerFor(siteIds, ['analyst']);
    const plan = roundsPlan(context.scale);
    const perKind = new Map<string, number[]>();
    let warmingUp = true;
    const timed = async (kind: string, latency: LatencyRecorder, path: string, authorization: string) => {
      const started = process.hrtime.bigint();
      await latency.time(() => sendJson('GET', `${base}${path}`, authorization));
      if (warmingUp) return;
      const list = perKind.get(kind) ?? [];
      list.push(Number(process.hrtime.bigint() - started) / 1e6);
      perKind.set(kind, list);
    };
    const sitesPerRound = context.size(20, 2);
    const outcome = await measureRounds(
      context,
      plan,
      // A different handful of sites each round, the same handful in every run.
      async (round) => {
        warmingUp = round < plan.warmups;
        return Array.from({ length: sitesPerRound }, (_, i) => siteIds[(round * 37 + i * 13) % siteIds.length]);
      },
      async (roundSites, latency) => {
        let queries = 0;
        for (const site of roundSites) {
          for (const kind of DASHBOARDS) {
            await timed(`dashboard ${kind}`, latency, `/sites/${site}/dashboards/${kind}`, manager);
            queries++;
          }
        }
        for (const by of ['site', 'admissionMonth', 'mentored']) {
          await timed(`analyst measures by ${by}`, latency, `/analytics/measures?by=${by}`, analyst);
          await timed(`analyst discharge-reasons by ${by}`, latency, `/analytics/discharge-reasons?by=${by}`, analyst);
          queries += 2;
        }
        return queries;
      },
    );
    measured = {
      unit: 'queries/s',
      ...outcome,
      work: `${sitesPerRound} sites × 4 dashboards, then 6 analyst tables over all ${sites} sites`,
      details: {
        events: build.events,
        sites,
        participantsPerSite: build.participantsPerSite,
        appendEventsPerSecond: build.appendEventsPerSecond,
        appendSeconds: build.appendSeconds,
        decideSeconds: build.decideSeconds,
        buildSeconds: build.buildSeconds,
        logBuiltAt: build.builtAt,
        rebuildEventsPerSecond: views.rebuildEventsPerSecond,
        rebuildSeconds: views.rebuildSeconds,
        rebuildResumedFrom: views.resumedFrom,
        viewsBuiltAt: views.builtAt,
        queryMs: Object.fromEntries([...perKind].map(([kind, samples]) => [kind, latencyOf(samples)])),
      },
    };
  } finally {
    await app.close();
  }
  // With the service closed, as the store suite's append-1 runs: no follower woken by each commit.
  log(`${label}: timing 1-event appends into the log at this size`);
  const appendOne = await appendAtSize(context, url);
  return { ...measured, details: { ...measured.details, appendOnePerSecond: appendOne.perSecond, appendOneMs: appendOne.latencyMs } };
};
