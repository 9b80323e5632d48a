import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { cadenceSyntaxProblem, canonicalTimeZone } from '../cadence.js';

/*
 * Field validators for committee bodies, so a bad cadence or time zone is named in the same 400 as every other bad
 * field. Rules that need the clock or other fields (a cadence that never occurs, or overlaps itself) are checked by
 * the service.
 */

/** A 5-field cron rule. */
export function IsCadence(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isCadence',
      target: target.constructor,
      propertyName: String(propertyKey),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && cadenceSyntaxProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          typeof args?.value === 'string' ? `${args.property} ${cadenceSyntaxProblem(args.value)}` : `${args?.property} must be a string`,
      },
    });
}

/** An IANA time zone name such as Europe/Riga (not an offset such as +02:00: offsets do not follow daylight saving). */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: String(propertyKey),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && canonicalTimeZone(value) !== null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must be an IANA time zone such as Europe/Riga`,
      },
    });
}
