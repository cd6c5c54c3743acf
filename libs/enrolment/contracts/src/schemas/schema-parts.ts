/**
 * Building blocks of the JSON Schemas (draft 2020-12, what the platform's Kafka consumers compile
 * with ajv). Every object is closed (`additionalProperties: false`) and every property required:
 * a new field is a new schema version, never a silent extra — and a name can't slip into an event.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const isoDate: JsonSchema = { type: 'string', format: 'date' };
export const isoInstant: JsonSchema = { type: 'string', format: 'date-time' };
export const siteId: JsonSchema = { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 40 };
export const referenceDataVersion: JsonSchema = { type: 'integer', minimum: 1 };

export const oneOf = (codes: readonly string[]): JsonSchema => ({ type: 'string', enum: [...codes] });

export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

export const object = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

/**
 * The schema of one event as consumers check it, `{ type, data }`, with the `$id` they cite:
 * `…/enrolment/<type>/v<version>.json`.
 */
export const eventSchema = (
  type: string,
  version: number,
  description: string,
  properties: Record<string, JsonSchema>,
): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `https://alongside.example/schemas/enrolment/${type}/v${version}.json`,
  title: `${type} v${version}`,
  description,
  type: 'object',
  required: ['type', 'data'],
  properties: { type: { const: type }, data: object(properties) },
});
