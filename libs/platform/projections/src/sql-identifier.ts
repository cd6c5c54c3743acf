/** Schema and table names come from configuration and entity metadata; quoted all the same. */
export const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const qualifiedTable = (schema: string, table: string): string =>
  `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
