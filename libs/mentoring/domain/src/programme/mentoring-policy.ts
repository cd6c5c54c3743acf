/** A site's mentoring policy; until a site-manager sets one, these defaults apply. */
export type MentoringPolicy = Readonly<{
  aftercareCheckInDays: readonly number[];
  checkInMissedAfterDays: number;
  urgentAcknowledgeWithinMinutes: number;
  soonAcknowledgeWithinMinutes: number;
  routineAcknowledgeWithinMinutes: number;
  referralFollowUpDays: number;
}>;

export const DEFAULT_MENTORING_POLICY: MentoringPolicy = {
  aftercareCheckInDays: [7, 30, 90, 180],
  checkInMissedAfterDays: 7,
  urgentAcknowledgeWithinMinutes: 60,
  soonAcknowledgeWithinMinutes: 8 * 60,
  routineAcknowledgeWithinMinutes: 3 * 24 * 60,
  referralFollowUpDays: 7,
};
