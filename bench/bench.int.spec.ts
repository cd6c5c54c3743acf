import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testBrokers, testDatabaseAdminUrl } from '@alongside/platform/testing';
import { SUITES } from './harness/bench-case';
import { CASES } from './harness/cases';
import { growthPoints } from './harness/growth-chart';
import { SCALE_SIZES } from './harness/scale-sizes';
import type { ResultRow, SuiteResults } from './harness/results-file';
import { TARGETS } from './harness/targets';

// Runs `npm run bench -- --tiny` for real, so the harness and every case keep working. It never
// asserts speed: figures belong to `npm run bench`, not to tests (DESIGN §9).
const root = join(__dirname, '..');
const outDir = mkdtempSync(join(tmpdir(), 'alongside-bench-'));
let rows: ResultRow[] = [];
let output = '';

beforeAll(async () => {
  // A failed case makes the run exit 1; its row carries the error, which the row's test then shows.
  output = await promisify(execFile)(
    process.execPath,
    ['-r', join(root, 'tools', 'register.cjs'), join(__dirname, 'run.ts'), '--tiny', '--jobs', '3', '--out', outDir],
    { cwd: root, env: { ...process.env, DATABASE_URL: testDatabaseAdminUrl(), KAFKA_BROKERS: testBrokers().join(',') }, maxBuffer: 16 * 2 ** 20 },
  ).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}\n${error.stderr ?? ''}`,
  );
  rows = SUITES.flatMap((suite) => (JSON.parse(readFileSync(join(outDir, `${suite}.json`), 'utf8')) as SuiteResults).rows);
}, 600_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('npm run bench -- --tiny', () => {
  it.each(CASES.map((c) => [`${c.suite}/${c.name}/${c.subject}`, c] as const))('gives a well-formed result row for %s', (_, definition) => {
    const row = rows.find((r) => r.suite === definition.suite && r.case === definition.name && r.subject === definition.subject);
    expect(row).toBeDefined();
    expect(row!.error ?? 'no error').toBe('no error');
    expect(row!.throughput).toBeGreaterThan(0);
    expect(row!.rounds!.every((r) => Number.isFinite(r) && r > 0)).toBe(true);
    expect(row!.unit).toMatch(/^(events|rows|messages|commands|requests|queries)\/s$/);
    expect(row!.load).toHaveLength(2);
    if (row!.latencyMs) expect(row!.latencyMs.p99).toBeGreaterThanOrEqual(row!.latencyMs.p50);
  });

  it('writes the README with every target of DESIGN §9 and a verdict for each', () => {
    const readme = readFileSync(join(outDir, 'README.md'), 'utf8');
    for (const target of TARGETS) {
      const verdicts = readme.split('\n').filter((line) => line.startsWith(`| ${target.title} |`));
      expect(verdicts).toHaveLength(target.checks.length);
      for (const line of verdicts) expect(line).toMatch(/\*\*(PASS|MISS)\*\* \|$/);
    }
    expect(readme).toMatch(/## Machine[\s\S]*cores[\s\S]*## Versions[\s\S]*emmett-postgresql/);
  });

  it('times every admission of a measured round until the dashboard counted it, none lost', () => {
    const row = rows.find((r) => r.case === 'command-dashboard')!;
    expect(row.latencyMs!.samples).toBe(row.rounds!.length * Number(row.details!['commandsPerRound']));
    expect(row.latencyMs!.p50).toBeGreaterThan(0);
  });

  it('times every HTTP command autocannon sent, for ours and for raw node http', () => {
    for (const subject of ['ours', 'node-http']) {
      const row = rows.find((r) => r.case === 'http-command' && r.subject === subject)!;
      // The tiny run sends a fixed number of requests per round: each one's response is a sample.
      expect(row.latencyMs!.samples).toBe(row.rounds!.length * Number(row.details!['requests']));
    }
  });

  it('builds a log of each scale, rebuilds its views and charts how cost grows', () => {
    const points = growthPoints(rows);
    expect(points.map((p) => p.events)).toHaveLength(SCALE_SIZES.length);
    // Each size really is bigger than the one before (the generator was asked for about 3× as much).
    for (let i = 1; i < points.length; i++) expect(points[i].events).toBeGreaterThan(points[i - 1].events * 2);
    for (const p of points) {
      expect([p.appendOneP50Ms, p.appendOneP99Ms, p.appendPerSecond, p.rebuildPerSecond, p.queryP95Ms].every((v) => Number.isFinite(v) && v > 0)).toBe(true);
      expect(p.appendOneP99Ms).toBeGreaterThanOrEqual(p.appendOneP50Ms);
    }
    for (const row of rows.filter((r) => r.suite === 'scale')) expect((row.details!['appendOneMs'] as { samples: number }).samples).toBe(6);
    const svg = readFileSync(join(outDir, 'growth.svg'), 'utf8');
    expect(svg.match(/<circle /g)).toHaveLength(4 * points.length);
    expect(readFileSync(join(outDir, 'README.md'), 'utf8')).toContain('](growth.svg)');
  });

  it('prints the results table at the end', () => {
    expect(output).toContain('verdict');
    for (const c of CASES) expect(output).toContain(c.name);
  });
});
