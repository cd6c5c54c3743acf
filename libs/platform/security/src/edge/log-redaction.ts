/**
 * Field names that hold PII (DESIGN §7: name, date of birth, contact details, free-text notes).
 * They are encrypted in events; this list also keeps them out of logs.
 */
export const PII_FIELD_NAMES = [
  'name',
  'firstName',
  'lastName',
  'fullName',
  'preferredName',
  'givenName',
  'familyName',
  'dateOfBirth',
  'birthDate',
  'email',
  'phone',
  'phoneNumber',
  'mobile',
  'address',
  'postcode',
  'zipCode',
  'notes',
  'note',
  'freeText',
  'emergencyContact',
] as const;

const SECRET_FIELD_NAMES = ['password', 'secret', 'token', 'accessToken', 'refreshToken', 'idToken', 'apiKey'] as const;

const atDepths = (field: string): string[] => [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`];

/**
 * pino `redact` paths: credentials in headers (request and response, as pino-http logs them) and
 * PII or secret field names wherever they sit in a logged object, down to four levels.
 */
export const logRedactPaths: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...[...PII_FIELD_NAMES, ...SECRET_FIELD_NAMES].flatMap(atDepths),
];
