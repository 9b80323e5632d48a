import { Module } from '@nestjs/common';
import { AdminController } from './admin.controller.js';
import { AdminService } from './admin.service.js';
import { BusinessCalendarRepository } from './business-calendar.repository.js';

@Module({
  controllers: [AdminController],
  providers: [AdminService, BusinessCalendarRepository],
  exports: [BusinessCalendarRepository],
})
export class AdminModule {}
