/** RFC 9457 problem details, as every Alongside service answers an error. */
export type ProblemDetails = Readonly<{
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId: string;
  /** 400 only: each field and the rule it broke. */
  errors?: readonly FieldError[];
}>;

export type FieldError = Readonly<{ field: string; rule: string; message: string }>;

export const PROBLEM_JSON = 'application/problem+json';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  431: 'Request header fields too large',
  422: 'Refused by a rule',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

const SLUGS: Readonly<Record<number, string>> = {
  400: 'invalid-input',
  401: 'not-authenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  431: 'too-large',
  422: 'rule-violated',
  429: 'rate-limited',
  500: 'internal-error',
  503: 'unavailable',
};

export const problemTitle = (status: number): string => TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request refused');

/** A stable URI per kind of problem, so clients can branch on `type` rather than parse words. */
export const problemType = (status: number): string => (SLUGS[status] ? `urn:alongside:problem:${SLUGS[status]}` : 'about:blank');
