import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from './roles.js';

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal,
);
