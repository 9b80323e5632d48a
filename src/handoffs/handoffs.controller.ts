import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
import { etagOf, parseIfMatch } from '../common/if-match.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { CreateHandoffDto } from './dto/create-handoff.dto.js';
import { HandoffsService } from './handoffs.service.js';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/complaints')
export class HandoffsController {
  constructor(
    private readonly handoffs: HandoffsService,
    private readonly complaints: ComplaintsService,
  ) {}

  @Post(':id/handoffs')
  @Roles('agent', 'resolver', 'department_head')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pass the complaint to another department with a context note, so the customer never repeats themselves' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiResponse({ status: 422, description: 'Same department, unknown department or assignee, or a context note that copies the description' })
  async handOff(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: CreateHandoffDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.handoffs.handOff(principal, id, dto, parseIfMatch(ifMatch));
    const complaint = await this.complaints.get(id);
    void reply.header('etag', etagOf(complaint.version));
    return complaint;
  }
}
