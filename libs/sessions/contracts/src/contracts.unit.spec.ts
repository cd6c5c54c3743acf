import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { schemaVersions, sessionsEventExamples, sessionsEventSchemas, sessionsEventTypes, sessionsUpcasters, type SessionsEventType } from './index';

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
const validatorOf = (type: SessionsEventType) => ajv.compile(sessionsEventSchemas[type]);

describe('Sessions event contracts', () => {
  it.each(sessionsEventTypes)('%s has a schema version, a JSON Schema and a valid example', (type) => {
    expect(schemaVersions[type]).toBeGreaterThanOrEqual(1);
    const validate = validatorOf(type);
    const valid = validate(sessionsEventExamples[type]);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('refuses an attendance that carries the group note text', () => {
    const withNote = { ...sessionsEventExamples.AttendanceRecorded, data: { ...sessionsEventExamples.AttendanceRecorded.data, note: 'shared about a hard week' } };
    expect(validatorOf('AttendanceRecorded')(withNote)).toBe(false);
  });

  it('refuses an attendance status outside the vocabulary', () => {
    const odd = { ...sessionsEventExamples.AttendanceRecorded, data: { ...sessionsEventExamples.AttendanceRecorded.data, status: 'maybe' } };
    expect(validatorOf('AttendanceRecorded')(odd)).toBe(false);
  });

  it('refuses a scheduled session whose start is not a time with a zone', () => {
    const bad = { ...sessionsEventExamples.SessionScheduled, data: { ...sessionsEventExamples.SessionScheduled.data, startsAt: '01/04/2025 18:00' } };
    expect(validatorOf('SessionScheduled')(bad)).toBe(false);
  });

  it('leaves a current event as it is when upcasting', () => {
    const event = sessionsEventExamples.AttendanceRecorded;
    expect(sessionsUpcasters.upcast(event, schemaVersions.AttendanceRecorded)).toBe(event);
  });
});
