// The check of the one-command demo (issue 10): `tools/start.cjs` run as a person would, on its own
// database, topics and ports beside everything else on this machine; the three sites' dashboards
// and the companion in headless Chromium; Ctrl-C; a second start that reuses the data.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { mintDevToken } from '@alongside/platform/security';
import { createTestDatabase, testBrokers, uniqueTopic, type TestDatabase } from '@alongside/platform/testing';
import { ensureChromium, launchChromium, screenshotDir } from '@alongside/platform/testing/browser';

// Two starts of five services on a shared 2-core machine: minutes when it is busy.
jest.setTimeout(420_000);

const root = join(__dirname, '..', '..');
const SCREENSHOTS = screenshotDir();
const SITES = ['north', 'south', 'east'] as const;
// Smaller than `npm start`'s 60 a site (same code path): less to seed in the suite's time.
const PARTICIPANTS_PER_SITE = 24;

type Launch = Readonly<{ child: ChildProcess; lines: string[]; exited: Promise<number | null> }>;

const launch = (env: NodeJS.ProcessEnv): Launch => {
  // Its own process group, like a command started in a terminal: Ctrl-C reaches the whole group.
  const child = spawn(process.execPath, [join(root, 'tools', 'start.cjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines: string[] = [];
  let partial = '';
  const take = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exited };
};

const waitForLine = async ({ lines, child }: Launch, pattern: RegExp, timeoutMs: number): Promise<string> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = lines.find((line) => pattern.test(line));
    if (found) return found;
    if (child.exitCode !== null) throw new Error(`the launcher exited (${child.exitCode}) before ${pattern}:\n${lines.slice(-40).join('\n')}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} after ${timeoutMs / 1000} s:\n${lines.slice(-40).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/** `[start] outcomes: pid 1234`: every process the launcher started. */
const pidsOf = ({ lines }: Launch): Map<string, number> =>
  new Map(lines.flatMap((line) => {
    const match = /^\[start\] (\w+): pid (\d+)$/.exec(line);
    return match ? [[match[1], Number(match[2])] as const] : [];
  }));

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Ctrl-C in the terminal: SIGINT to the launcher and every process of its group at once. */
const interrupt = async (run: Launch): Promise<number | null> => {
  process.kill(-run.child.pid!, 'SIGINT');
  return run.exited;
};

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** An offset that frees all five of the network's ports (3101–3105 moved), away from the developer's own. */
const freeOffset = async (): Promise<number> => {
  for (let offset = 1000 + (process.pid % 50) * 10; offset < 9000; offset += 10) {
    const ports = [3101, 3102, 3103, 3104, 3105].map((p) => p + offset);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return offset;
  }
  throw new Error('no free ports for the network');
};

/** Events in a service's log; `seeded`: only those the demo generator decided. */
const countEvents = async (url: string, schema: string, seeded = false): Promise<number> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const where = seeded ? `WHERE metadata->'actor'->>'sub' = 'demo-generator'` : '';
    return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.events ${where}`)).rows[0].n);
  } finally {
    await client.end();
  }
};
const SERVICES = ['enrolment', 'sessions', 'mentoring', 'outcomes'];

let database: TestDatabase;
let env: NodeJS.ProcessEnv;
let offset: number;
let first: Launch | undefined;
let second: Launch | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  ensureChromium();
  database = await createTestDatabase('launcher');
  offset = await freeOffset();
  const prefix = uniqueTopic('launcher');
  env = {
    ...process.env,
    DATABASE_URL: database.url,
    KAFKA_BROKERS: testBrokers().join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    ENROLMENT_CONSUMER_GROUP: `${prefix}.enrolment.transfers`,
    ALONGSIDE_PORT_OFFSET: String(offset),
    DEMO_PARTICIPANTS_PER_SITE: String(PARTICIPANTS_PER_SITE),
    LOG_LEVEL: 'warn',
  };
});

afterAll(async () => {
  await browser?.close();
  // Whatever happened above, nothing of ours keeps running.
  for (const run of [first, second]) {
    if (run && run.child.exitCode === null) await interrupt(run);
    for (const pid of run ? pidsOf(run).values() : []) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  }
  await database?.drop();
});

describe('npm start, as a person runs it', () => {
  let page: Page;

  it('reaches ready with the three sites seeded and prints the dashboard, the companion and the tokens', async () => {
    const started = Date.now();
    first = launch(env);
    await waitForLine(first, /^Alongside is ready/, 360_000);
    console.log(`first start ready in ${Math.round((Date.now() - started) / 1000)} s:\n${first.lines.filter((l) => /ready after|seeded|caught up/.test(l)).join('\n')}`);
    expect(first.lines.some((l) => /seeding the demo network \(the services' deciders/.test(l))).toBe(true);
    expect(first.lines).toContain(`  dashboard  http://127.0.0.1:${3104 + offset}/dashboard  (paste the site-manager token)`);
    expect([...pidsOf(first).keys()].sort()).toEqual(['companion', 'enrolment', 'mentoring', 'outcomes', 'sessions']);
  });

  it("shows non-empty charts on every site's dashboards", async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`http://127.0.0.1:${3104 + offset}/dashboard`);
    const token = first!.lines.find((l) => l.startsWith('  site-manager '))!.trim().split(/\s+/)[1];
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    for (const site of SITES) {
      await page.getByLabel('Site').selectOption(site);
      await page.getByRole('heading', { name: `Outcomes at ${site}` }).waitFor();
      await page.getByRole('tab', { name: 'Retention' }).click();
      // Every participant the demo admitted is on the time-in-treatment curve.
      await page.locator('#panel-retention svg[role="img"]').first().waitFor();
      await expect(page.locator('#panel-retention svg[role="img"]').first().getAttribute('aria-label')).resolves.toMatch(
        new RegExp(`Time in treatment: ${PARTICIPANTS_PER_SITE} admissions`),
      );
      await page.screenshot({ path: join(SCREENSHOTS, `demo-${site}-retention.png`), fullPage: true });
      for (const panel of ['relapse', 'engagement', 'wellbeing']) {
        await page.getByRole('tab', { name: panel[0].toUpperCase() + panel.slice(1) }).click();
        const charts = page.locator(`#panel-${panel} svg.chart`);
        await charts.first().waitFor();
        // A chart with data draws marks; an empty one says so in a note instead.
        expect(await charts.count()).toBeGreaterThan(0);
        expect(await page.locator(`#panel-${panel} svg.chart text.empty`).allTextContents()).toEqual([]);
        if (site === 'north') await page.screenshot({ path: join(SCREENSHOTS, `demo-north-${panel}.png`), fullPage: true });
      }
    }
  });

  it('opens the companion for the seeded participant it printed', async () => {
    const link = first!.lines.find((l) => l.includes(`http://127.0.0.1:${3105 + offset}/#token=`))!.trim();
    const phone = await browser!.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await phone.goto(link);
    await phone.getByText(/^Last time with your mentor:/).waitFor({ timeout: 20_000 });
    // Their count of days since the start date the clinician set at intake, and their group's next sessions.
    await expect(phone.locator('#days').textContent()).resolves.toMatch(/^\s*\d+\s*$/);
    await phone.locator('#upcoming li').first().waitFor();
    expect(await phone.locator('#upcoming li').count()).toBeGreaterThan(0);
    await phone.screenshot({ path: join(SCREENSHOTS, 'demo-companion.png'), fullPage: true });
    await phone.close();
  });

  it('stops every process it started on Ctrl-C', async () => {
    const pids = pidsOf(first!);
    expect(await interrupt(first!)).toBe(0);
    expect(first!.lines).toContain('[start] stopped');
    expect([...pids.entries()].filter(([, pid]) => isRunning(pid))).toEqual([]);
  });

  it('reuses the data on a second start, seeding nothing', async () => {
    const enrolmentBefore = await countEvents(database.url, 'enrolment');
    const seededBefore = await Promise.all(SERVICES.map((s) => countEvents(database.url, s, true)));
    expect(Math.min(...seededBefore)).toBeGreaterThan(0);
    second = launch(env);
    const started = Date.now();
    await waitForLine(second, /^Alongside is ready/, 300_000);
    console.log(`second start ready in ${Math.round((Date.now() - started) / 1000)} s`);
    expect(second.lines).toContain('[start] demo data found: reusing it (no reseed)');
    expect(second.lines.some((l) => l.includes('seeding the demo network'))).toBe(false);
    // Nothing of the demo decided again in any service (what the running network does by itself,
    // such as a sweeper ending an aftercare match, may add its own facts meanwhile).
    expect(await Promise.all(SERVICES.map((s) => countEvents(database.url, s, true)))).toEqual(seededBefore);
    expect(await countEvents(database.url, 'enrolment')).toBe(enrolmentBefore);
    const manager = await mintDevToken({ roles: ['site-manager'], sites: ['north'] });
    const retention = await fetch(`http://127.0.0.1:${3104 + offset}/sites/north/dashboards/retention`, { headers: { authorization: `Bearer ${manager}` } });
    expect(((await retention.json()) as { census: { admittedInRange: number } }).census.admittedInRange).toBe(PARTICIPANTS_PER_SITE);
    const pids = pidsOf(second);
    expect(await interrupt(second)).toBe(0);
    expect([...pids.values()].filter(isRunning)).toEqual([]);
  });
});
