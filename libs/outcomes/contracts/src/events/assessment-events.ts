import type { AssessmentBand, Instrument, Phq9Difficulty, SafetyAlertReason, SafetyAlertResolution } from '../vocabulary';

/**
 * An instrument answered item by item. The total and band are the service's own scoring of the
 * items (never a client's), under the named instrument version.
 */
export type AssessmentRecorded = Readonly<{
  type: 'AssessmentRecorded';
  data: {
    assessmentId: string;
    participantId: string;
    instrument: Instrument;
    instrumentVersion: string;
    items: number[];
    /** PHQ-9's unscored tenth question; null when not asked or another instrument. */
    difficulty: Phq9Difficulty | null;
    total: number;
    band: AssessmentBand;
    administeredAt: string;
    recordedBy: string;
  };
}>;

/** PHQ-9 item 9 above 0: the site's clinicians must see it now, whatever the total. */
export type SafetyAlertRaised = Readonly<{
  type: 'SafetyAlertRaised';
  data: {
    alertId: string;
    participantId: string;
    assessmentId: string;
    reason: SafetyAlertReason;
    urgency: 'urgent';
    /** The answer that raised it (1–3). */
    answer: number;
    raisedAt: string;
  };
}>;

export type SafetyAlertAcknowledged = Readonly<{
  type: 'SafetyAlertAcknowledged';
  data: { alertId: string; participantId: string; acknowledgedBy: string; acknowledgedAt: string };
}>;

export type SafetyAlertResolved = Readonly<{
  type: 'SafetyAlertResolved';
  data: {
    alertId: string;
    participantId: string;
    resolvedBy: string;
    resolution: SafetyAlertResolution;
    resolvedAt: string;
  };
}>;

export type AssessmentEvent = AssessmentRecorded | SafetyAlertRaised | SafetyAlertAcknowledged | SafetyAlertResolved;
