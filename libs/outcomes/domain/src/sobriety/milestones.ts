import { daysBetween } from './calendar-days';

/** Days sober on `today` for a count that started on `startedOn` (the start day counts as day 0). */
export const soberDays = (startedOn: string, today: string): number => Math.max(0, daysBetween(startedOn, today));

/** The site's milestones already passed, and the next one, for a sobriety date. */
export const milestoneProgress = (startedOn: string, today: string, milestoneDays: readonly number[]) => {
  const days = soberDays(startedOn, today);
  const sorted = [...milestoneDays].sort((a, b) => a - b);
  return { days, passed: sorted.filter((m) => m <= days), next: sorted.find((m) => m > days) ?? null };
};
