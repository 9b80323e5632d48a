import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { HandoffsController } from './handoffs.controller.js';
import { HandoffsRepository } from './handoffs.repository.js';
import { HandoffsService } from './handoffs.service.js';

@Module({
  imports: [ComplaintsModule],
  controllers: [HandoffsController],
  providers: [HandoffsService, HandoffsRepository],
  exports: [HandoffsRepository],
})
export class HandoffsModule {}
