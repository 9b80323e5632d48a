import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';

/** The one description of Redress's database, shared by the app, the migration CLI and the tests. */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    installExtensions: false,
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite; uuid-ossp would need an extension.
    uuidExtension: 'pgcrypto',
    // Each pooled connection waits at most this long for a free slot rather than hanging a request forever.
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
  };
}
