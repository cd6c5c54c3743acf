/**
 * Building blocks of the sessions JSON Schemas (draft 2020-12, checked with ajv + ajv-formats).
 * Every object forbids properties it does not name, so a note can never slip into an event
 * that leaves the service unnoticed: the contract test would fail.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const instant: JsonSchema = { type: 'string', format: 'date-time' };
export const day: JsonSchema = { type: 'string', format: 'date' };
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
export const oneOf = (values: readonly (string | number)[]): JsonSchema => ({ enum: [...values] });
export const listOf = (items: JsonSchema, minItems = 0): JsonSchema => ({ type: 'array', items, minItems });
export const text = (maxLength: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength });
export const integer = (minimum: number, maximum?: number): JsonSchema => ({ type: 'integer', minimum, ...(maximum === undefined ? {} : { maximum }) });
export const object = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

export const eventSchema = (type: string, schemaVersion: number, properties: Record<string, JsonSchema>): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `https://alongside.example/schemas/sessions/${type}/v${schemaVersion}.json`,
  title: `${type} v${schemaVersion}`,
  type: 'object',
  required: ['type', 'data'],
  properties: { type: { const: type }, data: object(properties) },
});
