import { Module } from '@nestjs/common';
import { SimilarComplaintsController } from './similar-complaints.controller.js';
import { SimilarComplaintsRepository } from './similar-complaints.repository.js';
import { SimilarComplaintsService } from './similar-complaints.service.js';
import { ThemesController } from './themes.controller.js';
import { ThemesService } from './themes.service.js';

/**
 * Past complaints like a given one (and the known issues told at intake), and rising themes for the committee.
 * It depends on no feature module, so ComplaintsModule can import it for intake without a cycle.
 */
@Module({
  controllers: [SimilarComplaintsController, ThemesController],
  providers: [SimilarComplaintsService, ThemesService, SimilarComplaintsRepository],
  exports: [SimilarComplaintsService, SimilarComplaintsRepository],
})
export class SimilarComplaintsModule {}
