import { Module } from '@nestjs/common';
import { PreventionModule } from '../prevention/prevention.module.js';

@Module({
  imports: [PreventionModule],
})
export class RootCausesModule {}
