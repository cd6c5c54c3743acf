import type { BillableUnits, ContactKind } from '@alongside/mentoring/contracts';

/**
 * Payer reference data for peer support (HCPCS H0038, per 15 minutes). Versioned: a contact
 * records the version it was billed under, so a later change of rules never rewrites history.
 */
export type PeerSupportBilling = Readonly<{
  version: string;
  code: string;
  minutesPerUnit: number;
  /** A remainder of at least this many minutes counts as one more unit (the midpoint rule). */
  minimumMinutesForPartialUnit: number;
  billableKinds: readonly ContactKind[];
  maxUnitsPerContact: number;
}>;

export const PEER_SUPPORT_BILLING: PeerSupportBilling = {
  version: 'peer-support-2025-01',
  code: 'H0038',
  minutesPerUnit: 15,
  minimumMinutesForPartialUnit: 8,
  // Text messages are not a billable face-to-face or telehealth service.
  billableKinds: ['in-person', 'phone', 'video'],
  maxUnitsPerContact: 16,
};

export const billableUnitsOf = (
  kind: ContactKind,
  minutes: number,
  billing: PeerSupportBilling = PEER_SUPPORT_BILLING,
): BillableUnits | null => {
  if (!billing.billableKinds.includes(kind)) return null;
  const whole = Math.floor(minutes / billing.minutesPerUnit);
  const partial = minutes % billing.minutesPerUnit >= billing.minimumMinutesForPartialUnit ? 1 : 0;
  const units = Math.min(whole + partial, billing.maxUnitsPerContact);
  return units === 0 ? null : { code: billing.code, units, referenceVersion: billing.version };
};
