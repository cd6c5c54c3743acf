/**
 * A calendar day at a site, ISO 8601 `YYYY-MM-DD`, read in that site's time zone
 * (`SiteConfigured.timeZone`). Admissions, discharges and signatures are days, not instants:
 * a discharge "on the 3rd" must not move to the 2nd for a reader in another zone.
 */
export type IsoDate = string;

/** An instant, ISO 8601 with its offset, e.g. `2025-03-04T09:15:00.000Z`. */
export type IsoInstant = string;

/** A participant, episode, consent or transfer id: a UUID. */
export type Uuid = string;
