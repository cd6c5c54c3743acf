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

/**
 * The units of one attendance, billed again after its entry was corrected (revision as in
 * AttendanceCorrected). The day's maximum still holds: the other sessions of the day keep theirs.
 */
export type UnitsCorrected = Readonly<{
  type: 'UnitsCorrected';
  data: {
    participantId: string;
    sessionId: string;
    groupId: string;
    serviceDate: string;
    code: string;
    minutes: number;
    revision: number;
    previousUnits: number;
    uncappedUnits: number;
    units: number;
    payerRulesRef: string;
    correctedAt: string;
  };
}>;

export type BillingEvent = UnitsComputed | UnitsCorrected;
