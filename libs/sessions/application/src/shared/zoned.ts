/** An ISO 8601 instant must carry its zone: a bare local time is ambiguous across sites. */
export const ZONED = /(Z|[+-]\d{2}:\d{2})$/;
export const INSTANT = { strict: true, strictSeparator: true } as const;
