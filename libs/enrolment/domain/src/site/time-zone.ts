/**
 * Whether the runtime's time-zone database knows the zone. Deterministic for a given runtime: no
 * clock, no I/O. Zone aliases are accepted as the IANA database accepts them.
 */
export const isIanaTimeZone = (zone: string): boolean => {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
