/** Injection token of the validated Env. */
export const ENV = Symbol('ENV');
