import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ENROLMENT_EVENT_TYPES } from './enrolment-event';
import { enrolmentEventExamples } from './examples';
import { ASAM_LEVELS, DISCHARGE_REASONS, PROGRAMMES, REFERRAL_SOURCES } from './reference-data/codes';
import { CONSENT_PURPOSES, INFORMATION_CATEGORIES } from './reference-data/consent-terms';
import { CURRENT_REFERENCE_DATA_VERSION, referenceData, REFERENCE_DATA_VERSIONS } from './reference-data/reference-data';
import { enrolmentSchemaVersions, enrolmentUpcasterRegistry } from './schema-versions';
import { enrolmentEventJsonSchemas, enrolmentEventSchema, enrolmentEventSchemasByKey } from './schemas/event-schemas';
import { validateEnrolmentEvent } from './schemas/validate-event';

const PII_FIELDS = ['name', 'givenName', 'familyName', 'dateOfBirth', 'email', 'phone', 'address', 'contact', 'pronouns', 'preferredLanguage', 'notes'];

const keysDeep = (value: unknown): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysDeep(inner)])
    : [];

describe('Enrolment contracts', () => {
  describe.each(ENROLMENT_EVENT_TYPES)('%s', (type) => {
    const example = enrolmentEventExamples[type];
    const version = enrolmentSchemaVersions[type];

    it('has a JSON Schema for its current schema version', () => {
      expect(enrolmentEventSchema(type, version)).toBeDefined();
      expect(enrolmentEventJsonSchemas[type]).toBe(enrolmentEventSchema(type, version));
      expect(enrolmentEventSchemasByKey[`${type}@${version}`]).toBe(enrolmentEventSchema(type, version));
    });

    it('accepts its example', () => {
      expect(example.type).toBe(type);
      expect(validateEnrolmentEvent(type, version, example.data)).toEqual({ valid: true });
    });

    it('refuses a field the schema does not know (a new field is a new version)', () => {
      const result = validateEnrolmentEvent(type, version, { ...example.data, surprise: 1 });
      expect(result.valid).toBe(false);
    });

    it('refuses a message missing a required field', () => {
      const [first] = Object.keys(example.data);
      const { [first]: _dropped, ...rest } = example.data as Record<string, unknown>;
      expect(validateEnrolmentEvent(type, version, rest).valid).toBe(false);
    });

    it('carries no personal data and no free text', () => {
      const schemaKeys = keysDeep(enrolmentEventSchema(type, version));
      // A site's name is the clinic's, not a person's.
      const forbidden = type === 'SiteConfigured' ? PII_FIELDS.filter((f) => f !== 'name') : PII_FIELDS;
      for (const field of forbidden) expect(schemaKeys).not.toContain(field);
    });

    it('carries its site and the reference-data version it was decided under', () => {
      expect(example.data).toHaveProperty('siteId');
      expect(example.data).toHaveProperty('referenceDataVersion', CURRENT_REFERENCE_DATA_VERSION);
    });

    it('is left as it is by the upcasters at its current version', () => {
      expect(enrolmentUpcasterRegistry.upcast(example, version)).toEqual(example);
    });
  });

  it('refuses an unknown type or version (a consumer sends it to the dead-letter topic)', () => {
    expect(validateEnrolmentEvent('Enrolled', 99, enrolmentEventExamples.Enrolled.data)).toEqual({
      valid: false,
      errors: ['no schema for Enrolled@99'],
    });
    expect(validateEnrolmentEvent('Teleported', 1, {}).valid).toBe(false);
  });

  it('names the field and the rule when a message is invalid', () => {
    const result = validateEnrolmentEvent('Enrolled', 1, { ...enrolmentEventExamples.Enrolled.data, levelOfCare: '5' });
    expect(result).toEqual({ valid: false, errors: ['/data/levelOfCare must be equal to one of the allowed values'] });
  });

  it('requires dates to be calendar days and instants to carry their zone', () => {
    const enrolled = enrolmentEventExamples.Enrolled.data;
    expect(validateEnrolmentEvent('Enrolled', 1, { ...enrolled, admittedOn: '2025-02-30' }).valid).toBe(false);
    expect(validateEnrolmentEvent('Enrolled', 1, { ...enrolled, enrolledAt: '2025-02-03T14:30:00' }).valid).toBe(false);
  });

  describe('reference data', () => {
    it('labels every code of version 1, in order', () => {
      const v1 = referenceData(1);
      expect(v1.asamLevels.map((l) => l.code)).toEqual([...ASAM_LEVELS]);
      expect(v1.programmes.map((p) => p.code)).toEqual([...PROGRAMMES]);
      expect(v1.dischargeReasons.map((r) => r.code)).toEqual([...DISCHARGE_REASONS]);
      expect(v1.referralSources.map((r) => r.code)).toEqual([...REFERRAL_SOURCES]);
      expect(v1.consentPurposes.map((p) => p.code)).toEqual([...CONSENT_PURPOSES]);
      expect(v1.informationCategories.map((c) => c.code)).toEqual([...INFORMATION_CATEGORIES]);
    });

    it('has the ASAM levels, programmes and TEDS reasons the clinics use', () => {
      expect(ASAM_LEVELS).toEqual(['0.5', '1', '2.1', '2.5', '3.1', '3.3', '3.5', '3.7', '4']);
      expect(PROGRAMMES).toEqual(['outpatient', 'intensive-outpatient', 'residential', 'recovery-housing', 'aftercare']);
      expect(DISCHARGE_REASONS).toEqual([
        'completed',
        'left-against-advice',
        'terminated-by-facility',
        'transferred',
        'incarcerated',
        'death',
        'other',
      ]);
    });

    it('knows each version by its number and refuses an unknown one', () => {
      for (const [version, data] of Object.entries(REFERENCE_DATA_VERSIONS)) expect(data.version).toBe(Number(version));
      expect(() => referenceData(42)).toThrow(RangeError);
    });
  });
});

describe('the platform consumer', () => {
  it('compiles these schemas with draft 2020-12 and checks whole events', () => {
    // The same construction as messaging-kafka's jsonSchemaChecks.
    const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
    for (const type of ENROLMENT_EVENT_TYPES) {
      const validate = ajv.compile(enrolmentEventJsonSchemas[type]);
      expect(validate(enrolmentEventExamples[type])).toBe(true);
      expect(validate({ type: 'SomethingElse', data: enrolmentEventExamples[type].data })).toBe(false);
    }
  });
});
