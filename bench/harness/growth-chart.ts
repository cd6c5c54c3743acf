import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultRow } from './results-file';
import type { Latency } from './stats';

/** One size of the scale suite: what building, rebuilding and querying it cost. */
export type GrowthPoint = Readonly<{
  events: number;
  /** The batched append that built the log, when it was built. */
  appendPerSecond: number;
  /** 1-event appends into the log at this size, in the run (NaN for a row from before they were timed). */
  appendOneP50Ms: number;
  appendOneP99Ms: number;
  rebuildPerSecond: number;
  queryP95Ms: number;
}>;

export const GROWTH_CHART = 'growth.svg';

export const growthPoints = (rows: readonly ResultRow[]): GrowthPoint[] =>
  rows
    .flatMap((r) =>
      r.suite === 'scale' && !r.error && r.details && r.latencyMs
        ? [{
            events: Number(r.details['events']),
            appendPerSecond: Number(r.details['appendEventsPerSecond']),
            appendOneP50Ms: Number((r.details['appendOneMs'] as Latency | undefined)?.p50),
            appendOneP99Ms: Number((r.details['appendOneMs'] as Latency | undefined)?.p99),
            rebuildPerSecond: Number(r.details['rebuildEventsPerSecond']),
            queryP95Ms: r.latencyMs.p95,
          }]
        : [],
    )
    .sort((a, b) => a.events - b.events);

type Panel = Readonly<{ title: string; unit: string; value: (p: GrowthPoint) => number; target?: number }>;

const PANELS: readonly Panel[] = [
  { title: 'Append, 1 event, p50', unit: 'ms', value: (p) => p.appendOneP50Ms },
  { title: 'Append, batched, at build', unit: 'events/s', value: (p) => p.appendPerSecond },
  { title: 'Projection rebuild', unit: 'events/s', value: (p) => p.rebuildPerSecond },
  { title: 'Dashboard + analyst queries, p95', unit: 'ms', value: (p) => p.queryP95Ms, target: 50 },
];

const W = 300;
const H = 220;
const M = { left: 56, right: 14, top: 34, bottom: 40 };
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const short = (n: number): string => (n >= 1e6 ? `${+(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${+(n / 1e3).toFixed(1)}k` : `${+n.toFixed(1)}`);

/**
 * Small charts side by side, log-scaled events on x (so 1M, 3M and 10M sit evenly), each cost
 * from zero on y: a flat line is a cost that does not grow with the log, a rising one that does.
 */
export const growthSvg = (points: readonly GrowthPoint[]): string => {
  const xs = points.map((p) => Math.log10(p.events));
  const [x0, x1] = xs.length > 1 ? [Math.min(...xs), Math.max(...xs)] : [xs[0] - 0.5, xs[0] + 0.5];
  const sx = (events: number) => M.left + ((Math.log10(events) - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const panels = PANELS.map((panel, i) => {
    // A size measured before a figure existed has no dot in that panel.
    const shown = points.filter((p) => Number.isFinite(panel.value(p)));
    const values = shown.map(panel.value);
    const top = Math.max(0, ...values, panel.target ?? 0) * 1.15 || 1;
    const sy = (v: number) => H - M.bottom - (v / top) * (H - M.top - M.bottom);
    const path = shown.map((p, k) => `${k === 0 ? 'M' : 'L'}${sx(p.events).toFixed(1)},${sy(values[k]).toFixed(1)}`).join(' ');
    const yTicks = [0, top / 3, (2 * top) / 3, top].map(
      (v) => `<line x1="${M.left - 4}" x2="${W - M.right}" y1="${sy(v).toFixed(1)}" y2="${sy(v).toFixed(1)}" stroke="#ddd"/><text x="${M.left - 6}" y="${(sy(v) + 4).toFixed(1)}" text-anchor="end">${short(v)}</text>`,
    );
    const xTicks = points.map((p) => `<text x="${sx(p.events).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${short(p.events)}</text>`);
    const dots = shown.map((p, k) => `<circle cx="${sx(p.events).toFixed(1)}" cy="${sy(values[k]).toFixed(1)}" r="3.5" fill="#1f5fa8"><title>${short(p.events)} events: ${short(values[k])} ${panel.unit}</title></circle>`);
    const target =
      panel.target === undefined
        ? ''
        : `<line x1="${M.left}" x2="${W - M.right}" y1="${sy(panel.target).toFixed(1)}" y2="${sy(panel.target).toFixed(1)}" stroke="#b3261e" stroke-dasharray="5 4"/><text x="${W - M.right}" y="${(sy(panel.target) - 4).toFixed(1)}" text-anchor="end" fill="#b3261e">target ${panel.target} ${panel.unit}</text>`;
    return `<g transform="translate(${i * W},0)">
  <text x="${M.left}" y="18" font-weight="bold">${escape(panel.title)} (${panel.unit})</text>
  ${yTicks.join('\n  ')}
  <line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#444"/>
  ${xTicks.join('\n  ')}
  <text x="${(M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle">events in the log</text>
  ${target}
  <path d="${path}" fill="none" stroke="#1f5fa8" stroke-width="2"/>
  ${dots.join('\n  ')}
</g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W * PANELS.length}" height="${H}" viewBox="0 0 ${W * PANELS.length} ${H}" font-family="sans-serif" font-size="11" role="img" aria-label="How cost grows with the log: append, rebuild and query figures at each size">
<rect width="100%" height="100%" fill="#fff"/>
${panels.join('\n')}
</svg>
`;
};

/** Writes `growth.svg` beside the results when the scale suite has figures; answers whether it did. */
export const writeGrowthChart = (dir: string, rows: readonly ResultRow[]): boolean => {
  const points = growthPoints(rows);
  if (points.length === 0) return false;
  writeFileSync(join(dir, GROWTH_CHART), growthSvg(points));
  return true;
};
