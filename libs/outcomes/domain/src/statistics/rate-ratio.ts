/**
 * Event rates over person-time, and the ratio of two of them with a 95% confidence interval by the
 * log method: SE(ln RR) = √(1/a + 1/b). Used for relapses per 1,000 participant-days, mentored vs
 * not mentored. A ratio is an association between groups, never proof that one causes the other.
 */
export type Rate = Readonly<{ events: number; personTime: number }>;

export type RateRatio = Readonly<{
  ratio: number;
  lower: number;
  upper: number;
  /** Standard error of ln(ratio). */
  standardError: number;
}>;

export type RateRatioOutcome =
  | Readonly<{ estimable: true } & RateRatio>
  | Readonly<{ estimable: false; reason: string }>;

const Z95 = 1.959963984540054;

/** Events per `per` units of person-time (per 1,000 participant-days by default); null without person-time. */
export const ratePer = ({ events, personTime }: Rate, per = 1000): number | null =>
  personTime > 0 ? (events / personTime) * per : null;

export const rateRatio = (exposed: Rate, reference: Rate): RateRatioOutcome => {
  if (exposed.personTime <= 0 || reference.personTime <= 0) {
    return { estimable: false, reason: 'A group has no participant-days' };
  }
  // With a zero count ln(RR) is unbounded: say so rather than invent a continuity correction.
  if (exposed.events === 0 || reference.events === 0) {
    return { estimable: false, reason: 'A group has no events, so the ratio has no finite interval' };
  }
  const ratio = exposed.events / exposed.personTime / (reference.events / reference.personTime);
  const standardError = Math.sqrt(1 / exposed.events + 1 / reference.events);
  return {
    estimable: true,
    ratio,
    lower: Math.exp(Math.log(ratio) - Z95 * standardError),
    upper: Math.exp(Math.log(ratio) + Z95 * standardError),
    standardError,
  };
};
