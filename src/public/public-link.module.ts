import { Module } from '@nestjs/common';
import { PublicLinkService } from './public-link.service.js';

@Module({
  providers: [PublicLinkService],
  exports: [PublicLinkService],
})
export class PublicLinkModule {}
