/**
 * Small SVG charts for the dashboard: step curves with confidence bands (Kaplan–Meier), grouped
 * bars and horizontal bars. Each is an image with a text alternative, its legend in HTML and its
 * numbers in a table beside it, so nothing is conveyed by colour or drawing alone.
 */
const SVG = 'http://www.w3.org/2000/svg';
export const PALETTE = ['#1b5e96', '#c2410c', '#2a7f62', '#7c3aed'] as const;

const WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { top: 14, right: 18, bottom: 46, left: 56 };

type Attributes = Record<string, string | number>;

const svgElement = <K extends keyof SVGElementTagNameMap>(name: K, attributes: Attributes = {}, text?: string): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
};

const canvas = (label: string): SVGSVGElement =>
  svgElement('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': label, preserveAspectRatio: 'xMidYMid meet' });

const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;

/** Round steps for an axis from 0 to about `max`. */
const ticks = (max: number, count = 5): number[] => {
  if (max <= 0) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const values: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) values.push(Number(v.toFixed(10)));
  return values;
};

const axes = (svg: SVGSVGElement, xLabel: string, yLabel: string) => {
  svg.append(
    svgElement('line', { x1: MARGIN.left, y1: MARGIN.top + plotHeight, x2: MARGIN.left + plotWidth, y2: MARGIN.top + plotHeight, class: 'axis' }),
    svgElement('line', { x1: MARGIN.left, y1: MARGIN.top, x2: MARGIN.left, y2: MARGIN.top + plotHeight, class: 'axis' }),
    svgElement('text', { x: MARGIN.left + plotWidth / 2, y: HEIGHT - 6, 'text-anchor': 'middle' }, xLabel),
    svgElement('text', { x: 14, y: MARGIN.top + plotHeight / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${MARGIN.top + plotHeight / 2})` }, yLabel),
  );
};

const emptyNote = (svg: SVGSVGElement, message: string) =>
  svg.append(svgElement('text', { x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle', class: 'empty' }, message));

export const legend = (names: readonly string[]): HTMLUListElement => {
  const list = document.createElement('ul');
  list.className = 'legend';
  names.forEach((name, i) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch s${(i % PALETTE.length) + 1}`;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, name);
    list.append(item);
  });
  return list;
};

export type CurvePoint = Readonly<{ x: number; y: number; lower?: number | null; upper?: number | null }>;
export type CurveSeries = Readonly<{ name: string; points: readonly CurvePoint[] }>;

/**
 * Kaplan–Meier style step curves from (0, 1), with their 95% band shaded. `y` is a share (0–1);
 * the x axis is days.
 */
export const stepCurves = (options: { label: string; xLabel: string; yLabel: string; series: readonly CurveSeries[]; empty: string }): SVGSVGElement => {
  const svg = canvas(options.label);
  axes(svg, options.xLabel, options.yLabel);
  const maxX = Math.max(30, ...options.series.flatMap((s) => s.points.map((p) => p.x)));
  const x = (v: number) => MARGIN.left + (v / maxX) * plotWidth;
  const y = (v: number) => MARGIN.top + (1 - v) * plotHeight;
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(
      svgElement('line', { x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: y(v), y2: y(v), class: 'grid' }),
      svgElement('text', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, `${Math.round(v * 100)}%`),
    );
  }
  for (const v of ticks(maxX, 6)) {
    svg.append(svgElement('text', { x: x(v), y: MARGIN.top + plotHeight + 16, 'text-anchor': 'middle' }, String(v)));
  }
  if (options.series.every((s) => s.points.length === 0)) {
    emptyNote(svg, options.empty);
    return svg;
  }
  options.series.forEach((series, i) => {
    const colour = PALETTE[i % PALETTE.length];
    const steps: CurvePoint[] = [{ x: 0, y: 1, lower: 1, upper: 1 }, ...series.points];
    // The band: upper edge left to right, lower edge back, both as steps.
    const upper: string[] = [];
    const lower: string[] = [];
    steps.forEach((p, k) => {
      const next = steps[k + 1]?.x ?? maxX;
      upper.push(`${x(p.x)},${y(p.upper ?? p.y)}`, `${x(next)},${y(p.upper ?? p.y)}`);
      lower.unshift(`${x(next)},${y(p.lower ?? p.y)}`, `${x(p.x)},${y(p.lower ?? p.y)}`);
    });
    svg.append(svgElement('polygon', { points: [...upper, ...lower].join(' '), fill: colour, class: 'band' }));
    let d = `M${x(0)},${y(1)}`;
    for (const p of series.points) d += ` H${x(p.x)} V${y(p.y)}`;
    d += ` H${x(maxX)}`;
    svg.append(svgElement('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2.5 }));
  });
  return svg;
};

export type BarSeries = Readonly<{ name: string; values: readonly (number | null)[] }>;

/** Grouped vertical bars: one group per category, one bar per series. */
export const groupedBars = (options: {
  label: string;
  xLabel: string;
  yLabel: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  yFormat?: (v: number) => string;
  yMax?: number;
  empty: string;
}): SVGSVGElement => {
  const svg = canvas(options.label);
  axes(svg, options.xLabel, options.yLabel);
  const format = options.yFormat ?? ((v: number) => String(v));
  const max = options.yMax ?? Math.max(1, ...options.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const scaleTicks = options.yMax === 1 ? [0, 0.25, 0.5, 0.75, 1] : ticks(max, 5);
  const top = Math.max(max, scaleTicks[scaleTicks.length - 1]);
  const y = (v: number) => MARGIN.top + plotHeight - (v / top) * plotHeight;
  for (const v of scaleTicks) {
    svg.append(
      svgElement('line', { x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: y(v), y2: y(v), class: 'grid' }),
      svgElement('text', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, format(v)),
    );
  }
  if (options.categories.length === 0) {
    emptyNote(svg, options.empty);
    return svg;
  }
  const group = plotWidth / options.categories.length;
  const barWidth = Math.max(2, Math.min(28, (group * 0.8) / options.series.length));
  const labelEvery = Math.ceil(options.categories.length / 12);
  options.categories.forEach((category, c) => {
    const start = MARGIN.left + c * group + (group - barWidth * options.series.length) / 2;
    options.series.forEach((series, s) => {
      const value = series.values[c];
      if (value == null) return;
      const bar = svgElement('rect', {
        x: start + s * barWidth,
        y: y(value),
        width: barWidth - 1,
        height: Math.max(0, MARGIN.top + plotHeight - y(value)),
        fill: PALETTE[s % PALETTE.length],
      });
      bar.append(svgElement('title', {}, `${series.name}, ${category}: ${format(value)}`));
      svg.append(bar);
    });
    if (c % labelEvery === 0) {
      svg.append(svgElement('text', { x: MARGIN.left + c * group + group / 2, y: MARGIN.top + plotHeight + 16, 'text-anchor': 'middle' }, category));
    }
  });
  return svg;
};

/** Horizontal bars, one per item, labelled with their value: reasons, caseloads, bands. */
export const horizontalBars = (options: { label: string; items: readonly { label: string; value: number }[]; format?: (v: number) => string; empty: string }): SVGSVGElement => {
  const rowHeight = 30;
  const height = Math.max(80, options.items.length * rowHeight + 20);
  const left = 190;
  const svg = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart', role: 'img', 'aria-label': options.label });
  if (options.items.length === 0) {
    svg.append(svgElement('text', { x: WIDTH / 2, y: height / 2, 'text-anchor': 'middle', class: 'empty' }, options.empty));
    return svg;
  }
  const format = options.format ?? ((v: number) => String(v));
  const max = Math.max(1, ...options.items.map((i) => i.value));
  const width = WIDTH - left - 70;
  options.items.forEach((item, i) => {
    const top = 10 + i * rowHeight;
    svg.append(
      svgElement('text', { x: left - 8, y: top + 18, 'text-anchor': 'end' }, item.label),
      svgElement('rect', { x: left, y: top + 4, width: Math.max(1, (item.value / max) * width), height: rowHeight - 10, fill: PALETTE[0], rx: 3 }),
      svgElement('text', { x: left + Math.max(1, (item.value / max) * width) + 6, y: top + 18 }, format(item.value)),
    );
  });
  return svg;
};

/** The numbers behind a chart, in a table a screen reader can walk. */
export const dataTable = (caption: string, headers: readonly string[], rows: readonly (readonly string[])[]): HTMLDetailsElement => {
  const details = document.createElement('details');
  details.className = 'data';
  const summary = document.createElement('summary');
  summary.textContent = `Table: ${caption}`;
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  headers.forEach((h, i) => {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = h;
    if (i > 0) cell.className = 'num';
    head.append(cell);
  });
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((value, i) => {
      const cell = i === 0 ? document.createElement('th') : document.createElement('td');
      if (i === 0) (cell as HTMLTableCellElement).scope = 'row';
      else cell.className = 'num';
      cell.textContent = value;
      tr.append(cell);
    });
  }
  details.append(summary, table);
  return details;
};
