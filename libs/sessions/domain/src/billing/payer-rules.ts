import type { GroupKind } from '@alongside/sessions/contracts';

/** How one billing code turns minutes into units (e.g. HCPCS H0038, peer support, per 15 minutes). */
export type PayerRule = Readonly<{
  code: string;
  minutesPerUnit: number;
  /** A remainder of at least this many minutes counts as one more unit (e.g. 8 of 15). */
  minimumMinutesForUnit: number;
  /** The payer's maximum for one participant, one code and one service day. */
  maxUnitsPerDay: number;
}>;

/** A versioned rule set: which rule bills each kind of group (none: not billable). */
export type PayerRuleSet = Readonly<{ ref: string; rules: Readonly<Partial<Record<GroupKind, PayerRule>>> }>;

const H0038: PayerRule = { code: 'H0038', minutesPerUnit: 15, minimumMinutesForUnit: 8, maxUnitsPerDay: 16 };
// Group counselling by a clinician (HCPCS H0005), billed per 15 minutes in this rule set.
const H0005: PayerRule = { code: 'H0005', minutesPerUnit: 15, minimumMinutesForUnit: 8, maxUnitsPerDay: 12 };

/**
 * Reference data, by `<rule-set>@<version>` as enrolment's SiteConfigured names it. A new payer
 * arrangement is a new entry, never an edit: units already computed keep the ref they used.
 */
export const PAYER_RULE_SETS: Readonly<Record<string, PayerRuleSet>> = {
  'standard@1': { ref: 'standard@1', rules: { 'peer-support': H0038, online: H0038, 'group-therapy': H0005 } },
  'medicaid-peer-support@1': { ref: 'medicaid-peer-support@1', rules: { 'peer-support': { ...H0038, maxUnitsPerDay: 8 }, online: { ...H0038, maxUnitsPerDay: 8 } } },
};

export const DEFAULT_PAYER_RULES_REF = 'standard@1';

/** The site's rule set, or the standard one for a ref this service does not know yet. */
export const payerRuleSetOf = (ref: string | null | undefined): PayerRuleSet => PAYER_RULE_SETS[ref ?? ''] ?? PAYER_RULE_SETS[DEFAULT_PAYER_RULES_REF];

/** Units for a number of minutes, before any daily maximum. Never decreases as minutes grow. */
export const unitsForMinutes = (minutes: number, rule: PayerRule): number => {
  if (minutes <= 0) return 0;
  const whole = Math.floor(minutes / rule.minutesPerUnit);
  return whole + (minutes % rule.minutesPerUnit >= rule.minimumMinutesForUnit ? 1 : 0);
};
