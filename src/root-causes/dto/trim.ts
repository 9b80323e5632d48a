import { Transform } from 'class-transformer';

/** Length rules apply to what is stored: a description padded with spaces to 20 characters says nothing. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
