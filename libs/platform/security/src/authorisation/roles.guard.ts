import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { principalOf } from '../authentication/current-principal.decorator';
import { isPublicRoute } from '../authentication/jwt-auth.guard';
import type { Role } from '../authentication/role';
import type { SecuredRequest } from '../authentication/secured-request';
import { ROLES_KEY } from './roles.decorator';
import { grantingRoles } from './route-access';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (isPublicRoute(this.reflector, context)) return true;
    const accepted = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!accepted?.length) throw new ForbiddenException('This route is closed: it does not say which roles may use it.');
    const request = context.switchToHttp().getRequest<SecuredRequest>();
    const granting = grantingRoles(principalOf(request).roles, accepted);
    if (granting.length === 0) throw new ForbiddenException(`This needs one of the roles: ${accepted.join(', ')}.`);
    request.grantingRoles = granting;
    return true;
  }
}
