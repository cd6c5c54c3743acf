/**
 * Kaplan–Meier estimate of a survival curve ("still in treatment", "no relapse yet").
 *
 * Input is grouped by time: at each time, how many had the event and how many were censored
 * (still active, so we only know they lasted at least that long). Grouping lets a read model hand
 * over a compact histogram instead of one row per person.
 *
 * Ties follow the usual convention: at a time with both events and censorings, the events happen
 * first, so the censored are still counted at risk for that time's events.
 */
export type SurvivalObservation = Readonly<{ time: number; event: boolean }>;

export type GroupedObservations = Readonly<{ time: number; events: number; censored: number }>;

export type KaplanMeierStep = Readonly<{
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  /** S(t) just after this time. */
  survival: number;
  /** 95% pointwise confidence band (log–log transform of Greenwood's variance); null when undefined. */
  lower: number | null;
  upper: number | null;
}>;

export type KaplanMeierCurve = Readonly<{
  subjects: number;
  events: number;
  steps: readonly KaplanMeierStep[];
}>;

const Z95 = 1.959963984540054;

/** Merges observations with the same time; keeps times ascending. */
export const groupObservations = (observations: readonly SurvivalObservation[]): GroupedObservations[] => {
  const byTime = new Map<number, { events: number; censored: number }>();
  for (const { time, event } of observations) {
    const entry = byTime.get(time) ?? { events: 0, censored: 0 };
    if (event) entry.events += 1;
    else entry.censored += 1;
    byTime.set(time, entry);
  }
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([time, counts]) => ({ time, ...counts }));
};

const normalise = (groups: readonly GroupedObservations[]): GroupedObservations[] => {
  const byTime = new Map<number, { events: number; censored: number }>();
  for (const g of groups) {
    if (!(g.time >= 0) || !(g.events >= 0) || !(g.censored >= 0)) {
      throw new RangeError(`Invalid observation group at time ${g.time}`);
    }
    const entry = byTime.get(g.time) ?? { events: 0, censored: 0 };
    entry.events += g.events;
    entry.censored += g.censored;
    byTime.set(g.time, entry);
  }
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([time, counts]) => ({ time, ...counts }));
};

export const kaplanMeier = (groups: readonly GroupedObservations[]): KaplanMeierCurve => {
  const sorted = normalise(groups).filter((g) => g.events + g.censored > 0);
  const subjects = sorted.reduce((n, g) => n + g.events + g.censored, 0);
  let atRisk = subjects;
  let survival = 1;
  let greenwood = 0;
  let totalEvents = 0;
  const steps: KaplanMeierStep[] = [];
  for (const { time, events, censored } of sorted) {
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood = atRisk > events ? greenwood + events / (atRisk * (atRisk - events)) : Number.POSITIVE_INFINITY;
      totalEvents += events;
    }
    const [lower, upper] = logLogBand(survival, greenwood);
    steps.push({ time, atRisk, events, censored, survival, lower, upper });
    atRisk -= events + censored;
  }
  return { subjects, events: totalEvents, steps };
};

export const kaplanMeierOf = (observations: readonly SurvivalObservation[]): KaplanMeierCurve =>
  kaplanMeier(groupObservations(observations));

// Log–log band stays inside [0, 1], unlike the plain Greenwood band.
const logLogBand = (survival: number, greenwood: number): [number | null, number | null] => {
  if (survival <= 0 || survival >= 1 || !Number.isFinite(greenwood)) {
    return survival >= 1 ? [1, 1] : [null, null];
  }
  const logS = Math.log(survival);
  const se = Math.sqrt(greenwood) / Math.abs(logS);
  const lower = Math.pow(survival, Math.exp(Z95 * se));
  const upper = Math.pow(survival, Math.exp(-Z95 * se));
  return [lower, upper];
};

/** S(t): the estimate in force at time t (steps are right-continuous). */
export const survivalAt = (curve: KaplanMeierCurve, time: number): number => {
  let survival = 1;
  for (const step of curve.steps) {
    if (step.time > time) break;
    survival = step.survival;
  }
  return survival;
};

/** The smallest time at which S(t) ≤ 0.5; null when the curve never gets there (not yet reached). */
export const medianSurvivalTime = (curve: KaplanMeierCurve): number | null =>
  curve.steps.find((step) => step.survival <= 0.5)?.time ?? null;
