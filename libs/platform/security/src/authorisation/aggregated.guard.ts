import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isPublicRoute } from '../authentication/jwt-auth.guard';
import type { SecuredRequest } from '../authentication/secured-request';
import { AGGREGATED_KEY } from './aggregated.decorator';

/**
 * Runs after the roles guard: on a route not marked @Aggregated(), the analyst role grants nothing,
 * even when a controller lists it by mistake.
 */
@Injectable()
export class AggregatedGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (isPublicRoute(this.reflector, context)) return true;
    const aggregated = this.reflector.getAllAndOverride<boolean>(AGGREGATED_KEY, [context.getHandler(), context.getClass()]);
    if (aggregated) return true;
    const request = context.switchToHttp().getRequest<SecuredRequest>();
    const granting = (request.grantingRoles ?? []).filter((role) => role !== 'analyst');
    if (granting.length === 0) {
      throw new ForbiddenException('Analysts see only aggregated, small-cell-suppressed figures; this route shows person-level data.');
    }
    request.grantingRoles = granting;
    return true;
  }
}
