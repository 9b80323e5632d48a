import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { CheckMessageDto, CheckMessageResultDto } from './dto/check-message.dto.js';
import { EmpathyGuardService } from './empathy-guard.service.js';

/** Everyone who writes to customers; the chair writes agendas, not customer messages. */
const WRITERS = ['agent', 'resolver', 'department_head', 'admin'] as const;

@ApiTags('messages')
@ApiBearerAuth()
@Controller('api/messages')
export class MessagesController {
  constructor(private readonly guard: EmpathyGuardService) {}

  @Post('check')
  @Roles(...WRITERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the empathy guard on a draft: defensive or blaming wording, and elements the kind of message needs',
  })
  @ApiOkResponse({ type: CheckMessageResultDto })
  check(@Body() dto: CheckMessageDto): CheckMessageResultDto {
    return { findings: this.guard.check(dto.text, dto.language, dto.kind) };
  }
}
