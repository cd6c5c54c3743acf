import type { SurvivalCurveView } from '@alongside/outcomes/contracts';
import { kaplanMeier, medianSurvivalTime, type GroupedObservations } from '@alongside/outcomes/domain';

/** Rows of `(t, event, n)` from SQL into a Kaplan–Meier curve the page can draw. */
export const survivalCurveOf = (rows: readonly { t: number | string; ev: boolean; n: number | string }[]): SurvivalCurveView => {
  const groups: GroupedObservations[] = rows.map((r) => ({
    time: Number(r.t),
    events: r.ev ? Number(r.n) : 0,
    censored: r.ev ? 0 : Number(r.n),
  }));
  const curve = kaplanMeier(groups);
  return {
    subjects: curve.subjects,
    events: curve.events,
    medianDays: medianSurvivalTime(curve),
    points: curve.steps.map((s) => ({ day: s.time, survival: s.survival, lower: s.lower, upper: s.upper, atRisk: s.atRisk })),
  };
};

export const groupedOf = (rows: readonly { t: number | string; ev: boolean; n: number | string }[]): GroupedObservations[] =>
  rows.map((r) => ({ time: Number(r.t), events: r.ev ? Number(r.n) : 0, censored: r.ev ? 0 : Number(r.n) }));
