/**
 * Schema and table names come from configuration, never from a request, but they are still quoted:
 * a schema called `outcomes-test` or `Enrolment` must work as it is written.
 */
export const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const qualifiedTable = (schema: string, table: string): string =>
  `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
