import { describe, expect, it } from '@jest/globals';
import { EnvValidationError, loadEnv } from './env.js';

describe('loadEnv', () => {
  it('applies the defaults: embedded database under ./data, port 3000', () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe('./data');
    expect(env.PORT).toBe(3000);
    expect(env.WORKERS).toBe(true);
  });

  it('reads and converts given values', () => {
    const env = loadEnv({ PORT: '8080', DATABASE_URL: 'postgres://u@db.internal:5432/redress', WORKERS: 'false', RATE_LIMIT_PER_MINUTE: '30' });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe('postgres://u@db.internal:5432/redress');
    expect(env.WORKERS).toBe(false);
    expect(env.RATE_LIMIT_PER_MINUTE).toBe(30);
  });

  it("points customers' status links at the port it listens on, unless PUBLIC_BASE_URL is given", () => {
    expect(loadEnv({}).PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(loadEnv({ PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://localhost:8080');
    expect(loadEnv({ PORT: '8080', PUBLIC_BASE_URL: '' }).PUBLIC_BASE_URL).toBe('http://localhost:8080');
    expect(loadEnv({ PORT: '8080', PUBLIC_BASE_URL: 'https://status.example.com' }).PUBLIC_BASE_URL).toBe('https://status.example.com');
  });

  it('treats an empty variable as unset', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('fails listing every bad variable, not just the first', () => {
    let error: unknown;
    try {
      loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', BOOTSTRAP_ADMIN_TOKEN: 'short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvValidationError);
    const problems = (error as EnvValidationError).problems.map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(['BOOTSTRAP_ADMIN_TOKEN', 'DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    expect((error as Error).message).toContain('PORT');
  });

  it('ignores variables it does not know', () => {
    expect(() => loadEnv({ HOME: '/root', PATH: '/usr/bin' })).not.toThrow();
  });
});
