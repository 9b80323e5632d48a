import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Env } from '../config/env.js';
import { dataSourceOptions } from './data-source-options.js';
import { locateDatabase, type DatabaseLocation } from './database-location.js';

const DATABASE_LOCATION = Symbol('DATABASE_LOCATION');

/** Stops the embedded database after the connection pool has closed (this module shuts down after TypeORM's). */
class DatabaseLocationLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_LOCATION) private readonly location: DatabaseLocation) {}

  async onApplicationShutdown(): Promise<void> {
    await this.location.stop();
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(env: Env): DynamicModule {
    const locationModule: DynamicModule = {
      module: class DatabaseLocationModule {},
      providers: [{ provide: DATABASE_LOCATION, useFactory: () => locateDatabase(env) }, DatabaseLocationLifecycle],
      exports: [DATABASE_LOCATION],
    };
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: [locationModule],
          inject: [DATABASE_LOCATION],
          // Migrations run on every start; they are no-ops once applied.
          useFactory: (location: DatabaseLocation) => ({ ...dataSourceOptions(location.url, location.poolSize), migrationsRun: true }),
        }),
      ],
    };
  }
}
