import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { Clock } from '../../src/common/clock.js';
import { loadEnv } from '../../src/config/env.js';
import { configureApp, createAdapter } from '../../src/configure-app.js';
import { createTestDatabase, type TestDatabase } from './test-databases.js';
import { TestClock } from './test-clock.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123456789';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => supertest.Agent;
  dataSource: DataSource;
  clock: TestClock;
  database: TestDatabase;
  /** Closes the app; drops the database unless it was passed in (it belongs to the caller then). */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Share a database between apps, e.g. to run two instances against one database. */
  database?: TestDatabase;
  clock?: TestClock;
  env?: Record<string, string>;
}

/** The real app, through the same modules and configuration as main.ts, on a database of its own. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const clock = options.clock ?? new TestClock();
  const dataDirectory = mkdtempSync(join(tmpdir(), 'redress-test-data-'));
  const env = loadEnv({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '5',
    LOG_LEVEL: 'silent',
    WORKERS: 'false',
    BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
    PUBLIC_BASE_URL: 'http://redress.test',
    // E-mails without SMTP are written here: never into the working tree.
    DATA_DIR: dataDirectory,
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createAdapter(env), { logger: false });
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: () => supertest.agent(app.getHttpServer()),
    dataSource: app.get(DataSource),
    clock,
    database,
    async close() {
      await app.close();
      if (!options.database) await database.drop();
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}
