import type { FieldError } from './problem-details';

// A lone UTF-16 surrogate is not Unicode text at all, and NUL is text no Postgres column or jsonb
// value can hold: both otherwise reach a validator (isEmail throws URIError on a lone surrogate)
// or the store, and come back as a 500 instead of a 400 naming the field.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NUL = String.fromCharCode(0);

export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text) && !text.includes(NUL);

/** Every field (`contact.email`, `entries.0.note`) whose text, or key, is not well-formed. */
export const malformedTextFields = (value: unknown, field: string): FieldError[] => {
  if (typeof value === 'string') return isWellFormedText(value) ? [] : [{ field, rule: 'wellFormedText', message: `${field} must be well-formed Unicode text, without NUL characters` }];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = field ? `${field}.${key}` : key;
    return [...malformedTextFields(key, path), ...malformedTextFields(inner, path)];
  });
};
