import fc from 'fast-check';
import { growthSvg, type GrowthPoint } from './growth-chart';

// Each panel draws one circle per size; pull out their centres panel by panel.
const centres = (svg: string): { cx: number; cy: number }[][] =>
  svg.split('<g transform').slice(1).map((panel) => [...panel.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)"/g)].map((m) => ({ cx: Number(m[1]), cy: Number(m[2]) })));

// Sizes at least 20 % apart (1M, 3M, 10M are 3× apart): closer ones may share a pixel once rounded.
const sizes = fc
  .tuple(fc.integer({ min: 1_000, max: 1_000_000 }), fc.array(fc.double({ min: 1.2, max: 10, noNaN: true }), { maxLength: 4 }))
  .map(([first, steps]) => steps.reduce((all, step) => [...all, Math.round(all[all.length - 1] * step)], [first]));
const figure = fc.double({ min: 0.5, max: 1e6, noNaN: true });

describe('the growth chart', () => {
  it('puts a bigger log further right and a bigger cost higher, in every panel', () => {
    fc.assert(
      fc.property(sizes, fc.array(fc.tuple(figure, figure, figure, figure), { minLength: 5, maxLength: 5 }), (events, figures) => {
        const points: GrowthPoint[] = events.map((e, i) => ({
          events: e,
          appendOneP50Ms: figures[i][0],
          appendOneP99Ms: figures[i][0] * 2,
          appendPerSecond: figures[i][1],
          rebuildPerSecond: figures[i][2],
          queryP95Ms: figures[i][3],
        }));
        const sorted = [...points].sort((a, b) => a.events - b.events);
        const panels = centres(growthSvg(sorted));
        expect(panels).toHaveLength(4);
        const values = [sorted.map((p) => p.appendOneP50Ms), sorted.map((p) => p.appendPerSecond), sorted.map((p) => p.rebuildPerSecond), sorted.map((p) => p.queryP95Ms)];
        panels.forEach((dots, panel) => {
          expect(dots).toHaveLength(sorted.length);
          for (let i = 1; i < dots.length; i++) {
            expect(dots[i].cx).toBeGreaterThan(dots[i - 1].cx);
            // SVG's y grows downwards: more cost, smaller y (rounded to 0.1 px, so compare with slack).
            const diff = values[panel][i] - values[panel][i - 1];
            if (Math.abs(diff) > 1e-3 * Math.max(...values[panel], 50)) expect(Math.sign(dots[i - 1].cy - dots[i].cy)).toBe(Math.sign(diff));
          }
        });
      }),
    );
  });

  const point = { events: 1e6, appendOneP50Ms: 0.6, appendOneP99Ms: 3, appendPerSecond: 9_000, rebuildPerSecond: 500, queryP95Ms: 20 };

  it('draws the query target as a line of its own', () => {
    expect(growthSvg([point])).toContain('target 50 ms');
  });

  it('leaves out of a panel a size that has no figure for it, and keeps it in the others', () => {
    const panels = centres(growthSvg([{ ...point, appendOneP50Ms: NaN, appendOneP99Ms: NaN }, { ...point, events: 3e6 }]));
    expect(panels.map((dots) => dots.length)).toEqual([1, 2, 2, 2]);
    expect(growthSvg([{ ...point, appendOneP50Ms: NaN }])).not.toMatch(/NaN|Infinity/);
  });
});
