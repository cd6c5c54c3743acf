import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { outcomesEventExamples, outcomesEventSchemas, outcomesEventTypes, outcomesUpcasters, schemaVersions, type OutcomesEventType } from './index';

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
const validatorOf = (type: OutcomesEventType) => ajv.compile(outcomesEventSchemas[type]);

describe('Outcomes event contracts', () => {
  it.each(outcomesEventTypes)('%s has a schema version, a JSON Schema and a valid example', (type) => {
    expect(schemaVersions[type]).toBeGreaterThanOrEqual(1);
    const validate = validatorOf(type);
    const valid = validate(outcomesEventExamples[type]);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('refuses an assessment that carries free text', () => {
    const example = outcomesEventExamples.AssessmentRecorded;
    expect(validatorOf('AssessmentRecorded')({ ...example, data: { ...example.data, comment: 'talked about home' } })).toBe(false);
  });

  it('refuses a relapse dated with a time instead of a day', () => {
    const example = outcomesEventExamples.RelapseRecorded;
    expect(validatorOf('RelapseRecorded')({ ...example, data: { ...example.data, occurredOn: '2026-04-01T10:00:00Z' } })).toBe(false);
  });

  it('leaves a current event as it is when upcasting', () => {
    const event = outcomesEventExamples.AssessmentRecorded;
    expect(outcomesUpcasters.upcast(event, schemaVersions.AssessmentRecorded)).toBe(event);
  });
});
