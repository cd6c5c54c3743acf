import {
  isCodeIn,
  REFERENCE_DATA_VERSIONS,
  type AsamLevel,
  type ConsentPurpose,
  type DischargeReason,
  type InformationCategory,
  type LevelOfCareChangeReason,
  type Programme,
  type ReferenceData,
  type ReferralSource,
  type TransferDeclineReason,
  type TransferReason,
} from '@alongside/enrolment/contracts';
import { UnknownCode, UnknownReferenceDataVersion } from './reference.errors';

/**
 * The codes of one reference-data version, checked: a decision names the version it is made
 * under, and a code that version does not know is refused (not silently stored).
 */
export class ReferenceCodes {
  private constructor(private readonly data: ReferenceData) {}

  static of(version: number): ReferenceCodes {
    const data = REFERENCE_DATA_VERSIONS[version];
    if (!data) throw new UnknownReferenceDataVersion(version);
    return new ReferenceCodes(data);
  }

  get version(): number {
    return this.data.version;
  }

  programme(code: string): Programme {
    return this.check('programme', this.data.programmes, code) as Programme;
  }

  levelOfCare(code: string): AsamLevel {
    return this.check('ASAM level of care', this.data.asamLevels, code) as AsamLevel;
  }

  referralSource(code: string): ReferralSource {
    return this.check('referral source', this.data.referralSources, code) as ReferralSource;
  }

  dischargeReason(code: string): DischargeReason {
    return this.check('TEDS discharge reason', this.data.dischargeReasons, code) as DischargeReason;
  }

  levelOfCareChangeReason(code: string): LevelOfCareChangeReason {
    return this.check('reason for a change of level of care', this.data.levelOfCareChangeReasons, code) as LevelOfCareChangeReason;
  }

  transferReason(code: string): TransferReason {
    return this.check('transfer reason', this.data.transferReasons, code) as TransferReason;
  }

  transferDeclineReason(code: string): TransferDeclineReason {
    return this.check('reason to decline a transfer', this.data.transferDeclineReasons, code) as TransferDeclineReason;
  }

  consentPurpose(code: string): ConsentPurpose {
    return this.check('consent purpose', this.data.consentPurposes, code) as ConsentPurpose;
  }

  informationCategory(code: string): InformationCategory {
    return this.check('category of information', this.data.informationCategories, code) as InformationCategory;
  }

  private check(list: string, entries: ReadonlyArray<Readonly<{ code: string; label: string }>>, code: string): string {
    if (!isCodeIn(entries, code)) throw new UnknownCode(list, code, this.data.version);
    return code;
  }
}
