import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { loadEnv, EnvValidationError } from './config/env.js';
import { configureApp, createAdapter } from './configure-app.js';
import { DataDirectoryLockedError } from './database/data-directory-lock.js';

async function main(): Promise<void> {
  const env = loadEnv();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), createAdapter(env), { bufferLogs: true });
  await configureApp(app);
  await app.listen(env.PORT, env.HOST);
  const where = env.DATABASE_URL ? 'the PostgreSQL server in DATABASE_URL' : `the embedded database in ${env.DATA_DIR}`;
  process.stdout.write(`Redress listening on http://${env.HOST}:${env.PORT} (API docs at /docs), on ${where}\n`);
}

main().catch((error: unknown) => {
  // Configuration problems are the operator's to fix: say what is wrong, without a stack trace.
  if (error instanceof EnvValidationError || error instanceof DataDirectoryLockedError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Redress failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
