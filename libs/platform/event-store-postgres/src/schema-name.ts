const SCHEMA = /^[a-z_][a-z0-9_]{0,47}$/;

/**
 * Schema names go into SQL text (identifiers cannot be bound), so only plain lower-case names are
 * accepted: they need no quoting and cannot inject anything.
 */
export const checkSchemaName = (schema: string): string => {
  if (!SCHEMA.test(schema)) {
    throw new TypeError(`"${schema}" is not a schema name for the event store (lower-case letters, digits, _; at most 48)`);
  }
  return schema;
};
