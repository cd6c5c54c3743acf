import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isSiteId } from '@alongside/platform/event-sourcing';
import { isPublicRoute } from '../authentication/jwt-auth.guard';
import type { SecuredRequest } from '../authentication/secured-request';
import { PARTICIPANT_PARAM_KEY } from './about-participant.decorator';
import { accessOf } from './access';
import { NotFoundHere } from './not-found-here';
import { ParticipantAccess } from './participant-access';

/** On routes marked @AboutParticipant (or @PersonLevelRead), narrows participants and peer mentors. */
@Injectable()
export class ParticipantAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly participants: ParticipantAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublicRoute(this.reflector, context)) return true;
    const param = this.reflector.getAllAndOverride<string | undefined>(PARTICIPANT_PARAM_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (param === undefined) return true;
    const request = context.switchToHttp().getRequest<SecuredRequest>();
    const siteId = request.params?.['siteId'];
    const participantId = request.params?.[param];
    if (!isSiteId(siteId) || !participantId) throw new NotFoundHere();
    await this.participants.assertMayReach(accessOf(request), siteId, participantId);
    return true;
  }
}
