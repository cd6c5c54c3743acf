/**
 * Luxon writes an invalid DateTime as null rather than throwing. Every time sessions writes derives
 * from a checked zone and a validated date, so a null is a bug: it fails loudly here instead of
 * travelling on into an event as a missing time.
 */
export const validTime = <T extends string>(written: T | null, what: string): T => {
  if (written === null) throw new Error(`${what} is not a valid time`);
  return written;
};
