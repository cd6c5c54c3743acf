// The demo sites' configuration, one source for both modes (the site route's body, enrolment's
// ConfigureSite, and what sessions and outcomes hear of it).
export const DEMO_PROGRAMMES = ['outpatient', 'intensive-outpatient', 'residential'] as const;
export const DEMO_MILESTONE_POLICY = { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsCount: false } as const;
export const DEMO_FOLLOW_UP = { daysAfterDischarge: [7, 30, 90, 180] } as const;
export const DEMO_PAYER_RULES_REF = 'medicaid-peer-support@1';
