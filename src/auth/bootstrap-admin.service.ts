import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS } from '../common/advisory-locks.js';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';
import { CredentialsRepository } from './credentials.repository.js';

/** On first start with no admin, creates one so the organisation can set itself up. */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly credentials: CredentialsRepository,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const issued = await this.dataSource.transaction(async (manager) => {
      // Waits, unlike the scheduled jobs: instances starting together take turns, so only the first creates an admin.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.bootstrapAdmin]);
      if (await this.credentials.anyAdminExists(manager)) return null;
      const admin = { name: 'Administrator', email: 'admin@redress.invalid', role: 'admin' as const, departmentId: null };
      return this.env.BOOTSTRAP_ADMIN_TOKEN
        ? this.credentials.createStaff(manager, admin, this.env.BOOTSTRAP_ADMIN_TOKEN)
        : this.credentials.createStaff(manager, admin);
    });
    if (!issued) return;
    this.logger.log('Created the first admin');
    if (!this.env.BOOTSTRAP_ADMIN_TOKEN) {
      // Printed once, to the terminal only: the log stream never carries a token.
      process.stdout.write(`\nFirst admin created. Its token, shown only this once:\n\n  ${issued.token}\n\n`);
    }
  }
}
