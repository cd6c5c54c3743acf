/** Recorded from enrolment's `SiteConfigured`: the site's zone and payer rules, as sessions knows them. */
export type SiteSettingsRecorded = Readonly<{
  type: 'SiteSettingsRecorded';
  data: { siteId: string; timeZone: string; payerRulesRef: string; revision: number; sourceEventId: string };
}>;

/** Recorded from mentoring's `CertificationGranted` / `CertificationRenewed`. */
export type PeerCertificationRecorded = Readonly<{
  type: 'PeerCertificationRecorded';
  data: { mentorId: string; certificationId: string; credential: string; validFrom: string; expiresAt: string; sourceEventId: string };
}>;

/** Recorded from mentoring's `CertificationExpired`. */
export type PeerCertificationExpired = Readonly<{
  type: 'PeerCertificationExpired';
  data: { mentorId: string; certificationId: string; expiredAt: string; sourceEventId: string };
}>;

export type SiteEvent = SiteSettingsRecorded;
export type FacilitatorEvent = PeerCertificationRecorded | PeerCertificationExpired;
