import { registerDecorator, type ValidationOptions } from 'class-validator';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const isRealDay = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
};

/** A real calendar day written `YYYY-MM-DD` (2025-02-30 is refused, and so is a time). */
export const IsCalendarDay = (options?: ValidationOptions) => (target: object, property: string) =>
  registerDecorator({
    name: 'isCalendarDay',
    target: target.constructor,
    propertyName: property,
    options: { message: `${property} must be a calendar day (YYYY-MM-DD)`, ...options },
    validator: { validate: isRealDay },
  });

/**
 * A day that has begun somewhere on Earth (UTC+14): a birth date cannot be later. Whether a day is
 * "in the future at the site" is for the decider, which knows the site's time zone.
 */
export const IsPastCalendarDay = (options?: ValidationOptions) => (target: object, property: string) =>
  registerDecorator({
    name: 'isPastCalendarDay',
    target: target.constructor,
    propertyName: property,
    options: { message: `${property} must be a calendar day that is not in the future`, ...options },
    validator: {
      validate: (value: unknown) => isRealDay(value) && value <= new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10),
    },
  });
