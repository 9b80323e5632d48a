import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../common/app-error.js';
import { AuthErrorCode } from '../common/error-codes.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import type { Principal, Role } from './roles.js';
import { CredentialsRepository } from './credentials.repository.js';

/** Deny by default: every route names its roles, or is explicitly public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new AppError(AuthErrorCode.UNAUTHENTICATED, 'Send a token as "Authorization: Bearer <token>"');
    const principal = await this.credentials.findPrincipalByToken(match[1]);
    if (!principal) throw new AppError(AuthErrorCode.UNAUTHENTICATED, 'The token is not valid');
    if (!principal.roles.some((role) => allowed.includes(role))) {
      throw new AppError(AuthErrorCode.FORBIDDEN, `This action needs one of the roles: ${allowed.join(', ') || 'none'}`);
    }
    request.principal = principal;
    return true;
  }
}
