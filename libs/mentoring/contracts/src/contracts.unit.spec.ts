import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  mentoringEventExamples,
  mentoringEventSchemas,
  mentoringEventTypes,
  mentoringUpcasters,
  schemaVersions,
  type MentoringEventType,
} from './index';

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
const validatorOf = (type: MentoringEventType) => ajv.compile(mentoringEventSchemas[type]);

describe('Mentoring event contracts', () => {
  it.each(mentoringEventTypes)('%s has a schema version, a JSON Schema and a valid example', (type) => {
    expect(schemaVersions[type]).toBeGreaterThanOrEqual(1);
    const validate = validatorOf(type);
    const valid = validate(mentoringEventExamples[type]);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('refuses a contact that carries its note text', () => {
    const withNote = {
      ...mentoringEventExamples.ContactLogged,
      data: { ...mentoringEventExamples.ContactLogged.data, note: 'talked about the weekend' },
    };
    expect(validatorOf('ContactLogged')(withNote)).toBe(false);
  });

  it('refuses an escalation with a free-text description', () => {
    const withText = {
      ...mentoringEventExamples.EscalatedToClinician,
      data: { ...mentoringEventExamples.EscalatedToClinician.data, description: 'said they would use tonight' },
    };
    expect(validatorOf('EscalatedToClinician')(withText)).toBe(false);
  });

  it('refuses a certification event whose expiry is not a time with a zone', () => {
    const bad = {
      ...mentoringEventExamples.CertificationGranted,
      data: { ...mentoringEventExamples.CertificationGranted.data, expiresAt: '01/02/2027' },
    };
    expect(validatorOf('CertificationGranted')(bad)).toBe(false);
  });

  it('leaves a current event as it is when upcasting', () => {
    const event = mentoringEventExamples.MatchProposed;
    expect(mentoringUpcasters.upcast(event, schemaVersions.MatchProposed)).toBe(event);
  });
});
