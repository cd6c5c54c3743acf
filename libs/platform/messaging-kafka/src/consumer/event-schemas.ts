import type { Event } from '@alongside/platform/event-sourcing';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** Says why an event (its latest shape: `{ type, data }`) breaks its contract, or null when it keeps it. */
export type SchemaCheck = (event: Event) => string | null;

/** One check per event type a consumer handles; the contracts libraries supply them. */
export type EventSchemas = Readonly<Record<string, SchemaCheck>>;

/**
 * Checks from the JSON Schemas a contracts library publishes (draft 2020-12, one per event type at
 * its current schema version). Compiled once, when the consumer is built, never per message.
 */
export const jsonSchemaChecks = (schemas: Readonly<Record<string, object>>): EventSchemas => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return Object.fromEntries(
    Object.entries(schemas).map(([type, schema]) => {
      const validate = ajv.compile(schema);
      const check: SchemaCheck = (event) =>
        validate({ type: event.type, data: event.data }) ? null : ajv.errorsText(validate.errors, { dataVar: 'event' });
      return [type, check];
    }),
  );
};
