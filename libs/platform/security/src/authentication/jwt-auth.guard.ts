import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { siteScope } from '../site-scope/site-scope';
import { InvalidToken } from './invalid-token';
import { IS_PUBLIC } from './public.decorator';
import type { SecuredRequest } from './secured-request';
import { TokenVerifier } from './token-verifier';

/** The token is read from `Authorization: Bearer …` only: never a query string, which ends up in logs. */
const bearerToken = (request: SecuredRequest): string | undefined => {
  const header = request.headers['authorization'];
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  return match?.[1];
};

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublicRoute(this.reflector, context)) return true;
    // Only HTTP is served through Nest here; any other transport is closed rather than unguarded.
    if (context.getType() !== 'http') return false;
    const request = context.switchToHttp().getRequest<SecuredRequest>();
    const token = bearerToken(request);
    if (!token) throw new UnauthorizedException('This needs a bearer token in the Authorization header.');
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidToken) throw new UnauthorizedException(error.message);
      throw error;
    }
    siteScope.admit(request.principal.sites);
    return true;
  }
}

export const isPublicRoute = (reflector: Reflector, context: ExecutionContext): boolean =>
  reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]) === true;
