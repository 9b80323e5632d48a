import { Module } from '@nestjs/common';
import { SlaSweepRepository } from './sla-sweep.repository.js';
import { SlaSweepService } from './sla-sweep.service.js';
import { StaffWorkController } from './staff-work.controller.js';
import { StaffWorkRepository } from './staff-work.repository.js';
import { StaffWorkService } from './staff-work.service.js';

@Module({
  controllers: [StaffWorkController],
  providers: [SlaSweepService, SlaSweepRepository, StaffWorkService, StaffWorkRepository],
  exports: [SlaSweepService],
})
export class SlaModule {}
