import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from './principal';
import type { SecuredRequest } from './secured-request';

export const principalOf = (request: SecuredRequest): Principal => {
  if (!request.principal) throw new Error('No principal on this request: is the route @Public()?');
  return request.principal;
};

/** The verified caller, in a controller: `handler(@CurrentPrincipal() principal: Principal)`. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal =>
  principalOf(context.switchToHttp().getRequest<SecuredRequest>()),
);
