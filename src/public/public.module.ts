import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { PublicLinkModule } from './public-link.module.js';
import { PublicStatusRepository } from './public-status.repository.js';
import { PublicStatusService } from './public-status.service.js';
import { PublicController } from './public.controller.js';

@Module({
  imports: [AdminModule, ComplaintsModule, PublicLinkModule],
  controllers: [PublicController],
  providers: [PublicStatusService, PublicStatusRepository],
})
export class PublicModule {}
