import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { concatMap, type Observable } from 'rxjs';
import { isSiteId } from '@alongside/platform/event-sourcing';
import type { SecuredRequest } from '../authentication/secured-request';
import { accessOf } from '../authorisation/access';
import { correlationIdOf } from '../edge/correlation-id';
import { AuditTrail } from './audit-trail';
import { PERSON_LEVEL_READ, type PersonLevelReadOptions } from './person-level-read.decorator';

/**
 * Records each successful person-level read before the data leaves. The append is awaited and its
 * failure fails the request (500): an accounting of access that can silently miss reads is worth
 * nothing to a participant or an auditor, and a read shown without its record cannot be recalled,
 * whereas a clinician can simply retry a failed one.
 */
@Injectable()
export class PersonLevelReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const read = this.reflector.getAllAndOverride<Required<PersonLevelReadOptions> | undefined>(PERSON_LEVEL_READ, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!read) return next.handle();
    const request = context.switchToHttp().getRequest<SecuredRequest>();
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        const siteId = request.params?.['siteId'];
        const participantId = request.params?.[read.participantParam];
        if (!isSiteId(siteId) || !participantId) throw new Error(`@PersonLevelRead on a route without :siteId or :${read.participantParam}`);
        await this.trail.recordAccess({
          actor: accessOf(request).actor,
          siteId,
          participantId,
          purpose: read.purpose,
          route: request.route?.path ?? 'unknown',
          method: request.method,
          correlationId: correlationIdOf(request),
        });
        return body;
      }),
    );
  }
}
