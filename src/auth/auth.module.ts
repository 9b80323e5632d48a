import { Global, Module } from '@nestjs/common';
import { BootstrapAdminService } from './bootstrap-admin.service.js';
import { CredentialsRepository } from './credentials.repository.js';

@Global()
@Module({
  providers: [CredentialsRepository, BootstrapAdminService],
  exports: [CredentialsRepository],
})
export class AuthModule {}
