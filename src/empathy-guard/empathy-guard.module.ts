import { Module } from '@nestjs/common';
import { EmpathyGuardService } from './empathy-guard.service.js';
import { MessagesController } from './messages.controller.js';

@Module({
  controllers: [MessagesController],
  providers: [EmpathyGuardService],
  exports: [EmpathyGuardService],
})
export class EmpathyGuardModule {}
