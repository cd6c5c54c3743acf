import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isSiteId } from '@alongside/platform/event-sourcing';
import { principalOf } from '../authentication/current-principal.decorator';
import { isPublicRoute } from '../authentication/jwt-auth.guard';
import type { SecuredRequest } from '../authentication/secured-request';
import { NotFoundHere } from './not-found-here';

/**
 * A `:siteId` in the path must be one of the token's sites. Otherwise 404, never 403: a 403 would
 * confirm that the site exists. No role is exempt, platform-admin included.
 */
@Injectable()
export class SiteGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (isPublicRoute(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<SecuredRequest>();
    const siteId = request.params?.['siteId'];
    if (siteId === undefined) return true;
    if (!isSiteId(siteId) || !principalOf(request).sites.includes(siteId)) throw new NotFoundHere();
    return true;
  }
}
