import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { enrolmentEventSchema } from './event-schemas';

export type EventValidation = Readonly<{ valid: true } | { valid: false; errors: string[] }>;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/**
 * Validates one event's `data` against the schema of its type and version (Kafka headers
 * `event-type` and `schema-version`). An unknown type or version is invalid: send it to the DLQ.
 */
export const validateEnrolmentEvent = (type: string, version: number, data: unknown): EventValidation => {
  const key = `${type}@${version}`;
  let validate = compiled.get(key);
  if (!validate) {
    const schema = enrolmentEventSchema(type, version);
    if (!schema) return { valid: false, errors: [`no schema for ${key}`] };
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  if (validate({ type, data })) return { valid: true };
  return {
    valid: false,
    errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`),
  };
};
