/**
 * A site's outcome policy as outcomes knows it (heard from enrolment's site configuration, or the
 * defaults): which sobriety milestones count and whether a lapse restarts the count.
 */
export type OutcomePolicySet = Readonly<{
  type: 'OutcomePolicySet';
  data: {
    milestoneDays: number[];
    lapseRestartsSobriety: boolean;
    timeZone: string;
    setAt: string;
    /** Null when set in outcomes itself rather than heard from enrolment. */
    heardFrom: { context: 'enrolment'; eventId: string; eventType: string } | null;
  };
}>;

export type SiteEvent = OutcomePolicySet;
