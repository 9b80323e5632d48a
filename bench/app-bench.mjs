/*
 * What the benchmarks on the built app share. Plain JavaScript on dist/ (npm run build first): Nest's dependency
 * injection needs tsc's decorator metadata, which tsx does not emit, and under tsx the CommonJS packages that
 * require @nestjs/core get a second copy of it.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the seeded database (npm run bench:seed)');

/** A module of the built app, by its path under src/. */
export const load = (path) => import(pathToFileURL(resolve('dist/src', path)).href);

/** min / median / max of a list of samples. */
export const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};

/** The app's providers without its HTTP server, and with WORKERS=false, so no scheduler ticks alongside. */
export async function startAppContext() {
  process.env.WORKERS = 'false';
  process.env.LOG_LEVEL = 'warn';
  const [{ NestFactory }, { AppModule }, { loadEnv }] = await Promise.all([import('@nestjs/core'), load('app.module.js'), load('config/env.js')]);
  return NestFactory.createApplicationContext(AppModule.forRoot(loadEnv()), { logger: ['error'] });
}
