/**
 * Billable units of one attendance, under the payer rules named by `payerRulesRef`
 * (`<rule-set>@<version>`), so history keeps the meaning it was billed under.
 */
export type UnitsComputed = Readonly<{
  type: 'UnitsComputed';
  data: {
    participantId: string;
    sessionId: string;
    groupId: string;
    serviceDate: string;
    code: string;
    minutes: number;
    /** What the minutes alone would give, before the payer's daily maximum. */
    uncappedUnits: number;
    units: number;
    payerRulesRef: string;
    computedAt: string;
  };
}>;

export type BillingEvent = UnitsComputed;
