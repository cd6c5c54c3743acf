/** The roles a token may carry (DESIGN §1). Anything else in a token's `roles` is ignored. */
export const ROLES = [
  'peer-mentor',
  'facilitator',
  'clinician',
  'site-manager',
  'analyst',
  'platform-admin',
  'participant',
] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
