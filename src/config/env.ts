import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const localBaseUrl = (port: number) => `http://localhost:${port}`;

/** Every setting Redress reads from the environment, validated once at start-up. */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** A PostgreSQL server; without it Redress runs on the embedded database under DATA_DIR. */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string = undefined;

  @IsString()
  DATA_DIR = './data';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 10;

  /** Token of the first admin, created on first start; generated and printed once when unset. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  BOOTSTRAP_ADMIN_TOKEN?: string = undefined;

  /** Key of the customers' status links; when unset, a random key is kept in the database. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  PUBLIC_LINK_SECRET?: string = undefined;

  /** Where customers reach their status page; it prefixes every publicUrl. Unset: this instance, on PORT (see loadEnv). */
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = localBaseUrl(this.PORT);

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 64 * 1024;

  /** Requests per minute for one token (or one address when there is none). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Background work: the outbox dispatcher and the scheduled jobs (SLA sweep, effectiveness checks, committee
   * meetings and agendas). false runs an API-only instance; tests switch it off to drive the work by hand.
   */
  @Transform(toBoolean)
  @IsBoolean()
  WORKERS = true;

  /** An SMTP server, e.g. smtp://user:pass@mail.internal:587; unset: e-mails are written as .eml files under DATA_DIR. */
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL?: string = undefined;

  /** The sender of every e-mail. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Redress <redress@localhost>';

  /** Attempts before a message is dead-lettered. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_MAX_ATTEMPTS = 8;

  /** The first retry waits about this long; each later one twice as long, with jitter, at most six hours. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DELIVERY_BACKOFF_SECONDS = 30;

  /** How long a dispatcher holds what it claimed; a killed instance's messages fall due again after it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DELIVERY_LEASE_SECONDS = 120;

  /** How often an idle dispatcher looks for due messages. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  DELIVERY_POLL_MS = 1000;

  /** Messages claimed at once by one dispatcher. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DELIVERY_BATCH_SIZE = 10;

  /** A webhook endpoint failing for this long without one success is disabled until an admin re-enables it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_DISABLE_AFTER_HOURS = 72;
}

export class EnvValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads and validates the environment; fails listing every bad variable, not just the first. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const known = new Set(Object.keys(new Env()));
  // An empty variable means "unset", as in most shells' `VAR= command`.
  const raw = Object.fromEntries(Object.entries(source).filter(([key, value]) => known.has(key) && value !== ''));
  const env = plainToInstance(Env, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new EnvValidationError(
      errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got ${JSON.stringify(e.value)})`),
    );
  }
  // Defaults are set before the variables are read: a status link must reach the port this instance listens on.
  if (raw.PUBLIC_BASE_URL === undefined) env.PUBLIC_BASE_URL = localBaseUrl(env.PORT);
  return env;
}
