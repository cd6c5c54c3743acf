import type { IsoDate } from '../calendar';
import type {
  AsamLevel,
  DischargeReason,
  LevelOfCareChangeReason,
  Programme,
  ReferralSource,
  TransferDeclineReason,
  TransferReason,
} from './codes';
import type { ConsentPurpose, InformationCategory } from './consent-terms';

type Labelled<Code extends string> = ReadonlyArray<Readonly<{ code: Code; label: string }>>;

/**
 * One version of the reference data. A version is never edited once published: a change is a new
 * version, and every event says which version it was decided under, so history keeps its meaning.
 */
export type ReferenceData = Readonly<{
  version: number;
  publishedOn: IsoDate;
  asamLevels: Labelled<AsamLevel>;
  programmes: Labelled<Programme>;
  dischargeReasons: Labelled<DischargeReason>;
  referralSources: Labelled<ReferralSource>;
  levelOfCareChangeReasons: Labelled<LevelOfCareChangeReason>;
  transferReasons: Labelled<TransferReason>;
  transferDeclineReasons: Labelled<TransferDeclineReason>;
  consentPurposes: Labelled<ConsentPurpose>;
  informationCategories: Labelled<InformationCategory>;
}>;

const VERSION_1: ReferenceData = {
  version: 1,
  publishedOn: '2025-01-01',
  asamLevels: [
    { code: '0.5', label: 'Early intervention' },
    { code: '1', label: 'Outpatient services' },
    { code: '2.1', label: 'Intensive outpatient services' },
    { code: '2.5', label: 'Partial hospitalisation services' },
    { code: '3.1', label: 'Clinically managed low-intensity residential services' },
    { code: '3.3', label: 'Clinically managed population-specific high-intensity residential services' },
    { code: '3.5', label: 'Clinically managed high-intensity residential services' },
    { code: '3.7', label: 'Medically monitored intensive inpatient services' },
    { code: '4', label: 'Medically managed intensive inpatient services' },
  ],
  programmes: [
    { code: 'outpatient', label: 'Outpatient' },
    { code: 'intensive-outpatient', label: 'Intensive outpatient' },
    { code: 'residential', label: 'Residential' },
    { code: 'recovery-housing', label: 'Recovery housing' },
    { code: 'aftercare', label: 'Aftercare' },
  ],
  dischargeReasons: [
    { code: 'completed', label: 'Treatment completed' },
    { code: 'left-against-advice', label: 'Left against professional advice / dropped out' },
    { code: 'terminated-by-facility', label: 'Terminated by facility' },
    { code: 'transferred', label: 'Transferred to another treatment programme or facility' },
    { code: 'incarcerated', label: 'Incarcerated' },
    { code: 'death', label: 'Death' },
    { code: 'other', label: 'Other' },
  ],
  referralSources: [
    { code: 'self', label: 'Individual (self-referral, family or friend)' },
    { code: 'treatment-provider', label: 'Alcohol or drug use care provider' },
    { code: 'health-care-provider', label: 'Other health care provider' },
    { code: 'school', label: 'School' },
    { code: 'employer', label: 'Employer / employee assistance programme' },
    { code: 'community', label: 'Other community referral' },
    { code: 'criminal-justice', label: 'Court or criminal justice referral' },
    { code: 'other', label: 'Other' },
  ],
  levelOfCareChangeReasons: [
    { code: 'clinical-improvement', label: 'Clinical improvement (step down)' },
    { code: 'clinical-need', label: 'Clinical need (step up)' },
    { code: 'participant-preference', label: "Participant's preference" },
    { code: 'payer-authorisation', label: 'Payer authorisation' },
    { code: 'service-availability', label: 'Service availability' },
    { code: 'other', label: 'Other' },
  ],
  transferReasons: [
    { code: 'continuity-of-care', label: 'Continuity of care' },
    { code: 'relocation', label: 'The participant is moving' },
    { code: 'level-of-care-not-offered', label: 'The level of care needed is not offered here' },
    { code: 'participant-preference', label: "Participant's preference" },
    { code: 'other', label: 'Other' },
  ],
  transferDeclineReasons: [
    { code: 'no-capacity', label: 'No capacity' },
    { code: 'programme-not-offered', label: 'Programme not offered at this site' },
    { code: 'clinical-criteria-not-met', label: 'Admission criteria not met' },
    { code: 'participant-not-reachable', label: 'Participant could not be reached' },
    { code: 'other', label: 'Other' },
  ],
  consentPurposes: [
    { code: 'treatment', label: 'Treatment' },
    { code: 'payment', label: 'Payment' },
    { code: 'health-care-operations', label: 'Health care operations' },
    { code: 'care-coordination', label: 'Care coordination' },
    { code: 'peer-support', label: 'Peer-support contact' },
    { code: 'transfer', label: 'Transfer to another site' },
    { code: 'research', label: 'Research' },
    { code: 'legal', label: 'Legal proceedings' },
    { code: 'other', label: 'Other' },
  ],
  informationCategories: [
    { code: 'enrolment-and-attendance', label: 'Enrolment and attendance' },
    { code: 'level-of-care', label: 'Level of care' },
    { code: 'assessments-and-screens', label: 'Assessments and drug screens' },
    { code: 'substance-use', label: 'Substance use' },
    { code: 'diagnoses', label: 'Diagnoses' },
    { code: 'medications', label: 'Medications' },
    { code: 'treatment-plan', label: 'Treatment plan' },
    { code: 'discharge-summary', label: 'Discharge summary' },
    { code: 'all-substance-use-disorder-records', label: 'All substance use disorder records' },
  ],
};

export const REFERENCE_DATA_VERSIONS: Readonly<Record<number, ReferenceData>> = { 1: VERSION_1 };

/** The version new decisions are made under. */
export const CURRENT_REFERENCE_DATA_VERSION = 1;

export const referenceData = (version: number = CURRENT_REFERENCE_DATA_VERSION): ReferenceData => {
  const found = REFERENCE_DATA_VERSIONS[version];
  if (!found) throw new RangeError(`No reference data version ${version}`);
  return found;
};

/** Whether `code` is one of the codes of a list in the given version. */
export const isCodeIn = (list: Labelled<string>, code: string): boolean => list.some((entry) => entry.code === code);
