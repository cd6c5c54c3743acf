/**
 * The dynamics of the synthetic network, in one place. These are plausible shapes drawn from the
 * published picture of addiction treatment (early dropout, roughly half retained at 90 days, relapse
 * more likely without peer support or with low attendance, PHQ-9 falling and BARC-10 rising over
 * treatment). They are demo parameters, not claims of truth: nothing here is an estimate to quote.
 */
export const DYNAMICS = {
  /** Share of a site's participants admitted in each month of the window is uniform. */
  programmes: [
    // programme, share, ASAM level(s), planned length of stay in days [min, max] for completers
    { programme: 'outpatient', share: 0.45, levels: ['1'], completesAfterDays: [120, 240] },
    { programme: 'intensive-outpatient', share: 0.3, levels: ['2.1'], completesAfterDays: [90, 150] },
    { programme: 'residential', share: 0.25, levels: ['3.5', '3.7'], completesAfterDays: [60, 120] },
  ],
  referralSources: [
    ['self', 0.35],
    ['criminal-justice', 0.25],
    ['health-care-provider', 0.15],
    ['treatment-provider', 0.1],
    ['community', 0.1],
    ['employer', 0.05],
  ],

  /**
   * Daily hazard of dropping out (left against advice and the like), piecewise by days since
   * admission: concentrated in the first 30 days. With these, about 70% stay past 30 days and
   * about half past 90 (before planned completions).
   */
  dropoutHazard: { first30Days: 0.0125, days31To90: 0.005, after90Days: 0.0025 },
  /** Mentored participants drop out less (an association the dashboards show, not a cause). */
  dropoutHazardRatioMentored: 0.8,
  /** How a non-completion ends (TEDS): shares among early discharges. */
  earlyDischargeReasons: [
    ['left-against-advice', 0.72],
    ['terminated-by-facility', 0.12],
    ['incarcerated', 0.08],
    ['other', 0.07],
    ['death', 0.01],
  ],

  /** Who consents to peer support, and of those who is matched with a mentor. */
  peerSupportConsentShare: 0.75,
  matchedShareOfConsenting: 0.75,
  /** Days from admission to consent and from consent to match. */
  consentAfterDays: [0, 7],
  matchAfterConsentDays: [1, 14],
  /** Mentor contacts: one every this many days while matched and in treatment. */
  contactEveryDays: 7,
  contactMinutes: [15, 60],
  contactKinds: [
    ['in-person', 0.5],
    ['phone', 0.3],
    ['text', 0.1],
    ['video', 0.1],
  ],

  /** Share of scheduled group sessions a participant attends: Beta-ish spread around this mean. */
  attendance: { mean: 0.62, spread: 0.3, lowBelow: 0.4 },

  /**
   * Daily hazard of a relapse while in treatment; multiplied when unmentored and when attendance is
   * low. Lapses (a brief return to use) are more common than relapses and counted apart.
   */
  relapseHazard: 0.0022,
  relapseHazardRatioUnmentored: 1.8,
  relapseHazardRatioLowAttendance: 1.5,
  lapseToRelapseRatio: 1.6,
  /** After a relapse, dropping out becomes more likely. */
  dropoutHazardRatioAfterRelapse: 1.6,

  /** Assessments: at intake, then every so many days while in treatment. */
  assessEveryDays: 30,
  /** PHQ-9 total at intake ~ N(mean, sd), falling towards `floorShare` of intake with this time constant. */
  phq9: { intakeMean: 13, intakeSd: 5, floorShare: 0.5, timeConstantDays: 60, noiseSd: 2, itemNineShare: 0.02 },
  /** BARC-10 total at intake ~ N(mean, sd), rising by up to `gain` with this time constant. */
  barc10: { intakeMean: 34, intakeSd: 7, gain: 12, timeConstantDays: 75, noiseSd: 3 },
  /** GAD-7 total (0–21) at intake ~ N(mean, sd), easing towards `floorShare` of intake like PHQ-9. */
  gad7: { intakeMean: 10, intakeSd: 4, floorShare: 0.55, timeConstantDays: 60, noiseSd: 2 },
  /**
   * Community reintegration reviews (living situation, occupation, social connectedness 1–5) at
   * intake, at discharge and 30 and 90 days after. Between reviews a person's situation improves
   * with these chances: more often after a completed episode than after one that ended early.
   */
  reintegration: {
    livingAtIntake: [
      ['independent', 0.3],
      ['with-family-or-friends', 0.3],
      ['recovery-residence', 0.1],
      ['supported-housing', 0.1],
      ['temporary-accommodation', 0.12],
      ['homeless', 0.08],
    ],
    occupationAtIntake: [
      ['employed-full-time', 0.2],
      ['employed-part-time', 0.15],
      ['education-or-training', 0.05],
      ['volunteering', 0.05],
      ['seeking-work', 0.35],
      ['not-in-labour-force', 0.2],
    ],
    improvesPerReview: { completed: 0.45, endedEarly: 0.15 },
    followUpDays: [30, 90],
  },
  /** A relapse costs this much: PHQ-9 up, BARC-10 down, fading over the next 30 days. */
  relapseSetback: { phq9: 4, gad7: 3, barc10: -6 },

  /** Drug screens every so many days in treatment; positive within 3 days after a return to use. */
  screenEveryDays: 14,
  screenSpecimens: [
    ['urine', 0.8],
    ['oral-fluid', 0.2],
  ],
  primarySubstances: [
    ['alcohol', 0.3],
    ['opiates', 0.2],
    ['fentanyl', 0.15],
    ['methamphetamine', 0.15],
    ['cocaine', 0.1],
    ['cannabis', 0.1],
  ],

  /** Mentors per 100 participants, their caseload limit and certification. */
  mentorsPer100Participants: 6,
  mentorMaxCaseload: 20,
  certificationYears: 2,

  /** Groups per site (kind, weekday, start, minutes, capacity) and the weeks of history to take attendance. */
  groups: [
    { kind: 'peer-support', name: 'Monday evening peer support', weekday: 1, startTime: '18:00', minutes: 90, capacity: 40, facilitator: 'peer' },
    { kind: 'group-therapy', name: 'Wednesday relapse prevention', weekday: 3, startTime: '10:00', minutes: 90, capacity: 40, facilitator: 'clinician' },
    { kind: 'community', name: 'Saturday recovery walk', weekday: 6, startTime: '09:00', minutes: 60, capacity: 60, facilitator: 'staff' },
  ],
} as const;

export type Dynamics = typeof DYNAMICS;
