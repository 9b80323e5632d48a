import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { READERS } from '../complaints/complaints.controller.js';
import { SimilarComplaintsDto } from './dto/similar-complaint.dto.js';
import { SimilarComplaintsService } from './similar-complaints.service.js';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/complaints')
export class SimilarComplaintsController {
  constructor(private readonly similar: SimilarComplaintsService) {}

  @Get(':id/similar')
  // Whoever may read the complaint may see its look-alikes: the items carry no contact data and no staff names.
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Up to 5 earlier complaints whose summary shares at least half of its words in the same category, or all of them with the same root cause, ' +
      'most similar first, with their prevention actions; timedOut when the search was cut short',
  })
  @ApiOkResponse({ type: SimilarComplaintsDto })
  @ApiNotFoundResponse({ description: 'No such complaint' })
  similarTo(@Param('id', UuidParamPipe) id: string) {
    return this.similar.similarTo(id);
  }
}
