/**
 * Building blocks of the JSON Schemas (draft-07, what ajv validates by default). Every object is
 * closed (`additionalProperties: false`) and every property required: a new field is a new schema
 * version, never a silent extra.
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

/** The schema of one event's `data`, with the `$id` consumers cite: `…/enrolment/<type>/<version>`. */
export const eventDataSchema = (
  type: string,
  version: number,
  description: string,
  properties: Record<string, JsonSchema>,
): JsonSchema => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `https://schemas.alongside.health/enrolment/${type}/${version}`,
  title: `${type} v${version}`,
  description,
  ...object(properties),
});
