import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/**
 * For the TypeORM CLI only (`npm run migration:generate`, `migration:run`); the app decides its database in
 * database-location.ts. The CLI needs a server: DATABASE_URL.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL server to use the migration CLI');

export default new DataSource(dataSourceOptions(url, 1));
