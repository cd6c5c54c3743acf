/** 42 CFR 2.24: a participant may ask for an accounting of the disclosures of the past three years. */
export const ACCOUNTING_YEARS = 3;

/**
 * The start of the accounting period ending at `at`: the same calendar moment three years earlier
 * (UTC). From 29 February it goes back to 28 February, so that the period is never shorter than
 * three years.
 */
export const accountingPeriodStart = (at: Date): Date => {
  const start = new Date(at.getTime());
  start.setUTCFullYear(at.getUTCFullYear() - ACCOUNTING_YEARS);
  if (start.getUTCMonth() !== at.getUTCMonth()) start.setUTCDate(0);
  return start;
};
