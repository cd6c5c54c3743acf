/**
 * Building blocks of outcomes' JSON Schemas (draft 2020-12, checked with ajv + ajv-formats). Every
 * `data` object forbids properties it does not name, so nothing personal slips into an event that
 * leaves the service unnoticed.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const instant: JsonSchema = { type: 'string', format: 'date-time' };
export const day: JsonSchema = { type: 'string', format: 'date' };
export const bool: JsonSchema = { type: 'boolean' };
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
export const oneOf = (values: readonly string[]): JsonSchema => ({ type: 'string', enum: [...values] });
export const listOf = (items: JsonSchema, minItems = 0, maxItems?: number): JsonSchema => ({
  type: 'array',
  items,
  minItems,
  ...(maxItems === undefined ? {} : { maxItems }),
});
export const text = (maxLength: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength });
export const integer = (minimum: number, maximum?: number): JsonSchema => ({
  type: 'integer',
  minimum,
  ...(maximum === undefined ? {} : { maximum }),
});
export const object = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

export const eventSchema = (
  context: string,
  type: string,
  schemaVersion: number,
  properties: Record<string, JsonSchema>,
): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `https://alongside.example/schemas/${context}/${type}/v${schemaVersion}.json`,
  title: `${type} v${schemaVersion}`,
  type: 'object',
  required: ['type', 'data'],
  properties: { type: { const: type }, data: object(properties) },
});
