import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator.js';
import { CustomerActionsService } from '../resolution/customer-actions.service.js';
import { CustomerReplyDto } from '../resolution/dto/customer-reply.dto.js';
import { DisputeDto } from '../resolution/dto/dispute.dto.js';
import { FeedbackDto } from '../resolution/dto/feedback.dto.js';

/** What the customer does from their status link; the link's token is their only credential. */
@ApiTags('customer')
@Controller('public/complaints')
export class CustomerActionsController {
  constructor(private readonly actions: CustomerActionsService) {}

  @Post(':token/reply')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer our question; the SLA clocks resume' })
  @ApiResponse({ status: 409, description: 'No question is waiting for an answer' })
  async reply(@Param('token') token: string, @Body() dto: CustomerReplyDto) {
    await this.actions.reply(token, dto);
    return { received: true };
  }

  @Post(':token/feedback')
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: 'Rate the resolution (CSAT 1-5, NPS 0-10), once per resolution' })
  @ApiResponse({ status: 409, description: 'Nothing to rate yet, or already rated' })
  async feedback(@Param('token') token: string, @Body() dto: FeedbackDto) {
    await this.actions.feedback(token, dto);
    return { received: true };
  }

  @Post(':token/dispute')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Dispute the resolution: the complaint reopens and its team is told' })
  @ApiResponse({ status: 409, description: 'There is no resolution to dispute' })
  async dispute(@Param('token') token: string, @Body() dto: DisputeDto) {
    await this.actions.dispute(token, dto);
    return { received: true };
  }
}
