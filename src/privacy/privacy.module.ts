import { Global, Module } from '@nestjs/common';
import { KnownPeopleRepository } from './known-people.repository.js';
import { PrivacyService } from './privacy.service.js';

/** Global: every feature that writes a set-up name, sends to a customer or quotes to the committee needs it. */
@Global()
@Module({
  providers: [KnownPeopleRepository, PrivacyService],
  exports: [KnownPeopleRepository, PrivacyService],
})
export class PrivacyModule {}
