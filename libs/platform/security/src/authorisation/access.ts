import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@alongside/platform/event-sourcing';
import { principalOf } from '../authentication/current-principal.decorator';
import type { Principal } from '../authentication/principal';
import type { Role } from '../authentication/role';
import type { SecuredRequest } from '../authentication/secured-request';
import { actingRole } from './route-access';

/** What a request may do: who calls, the roles that let them in, and the actor to record in events. */
export type Access = Readonly<{ principal: Principal; grantingRoles: readonly Role[]; actor: Actor }>;

export const accessOf = (request: SecuredRequest): Access => {
  const principal = principalOf(request);
  const role = actingRole(request.grantingRoles ?? []);
  if (!role) throw new Error('No granting role on this request: is the roles guard registered?');
  return { principal, grantingRoles: request.grantingRoles ?? [], actor: { sub: principal.sub, role } };
};

/** `handler(@CurrentAccess() access: Access)`: for ParticipantAccess checks inside a handler. */
export const CurrentAccess = createParamDecorator((_: unknown, context: ExecutionContext): Access =>
  accessOf(context.switchToHttp().getRequest<SecuredRequest>()),
);

/** `handler(@CurrentActor() actor: Actor)`: the `actor` of the events this request appends. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor =>
  accessOf(context.switchToHttp().getRequest<SecuredRequest>()).actor,
);
