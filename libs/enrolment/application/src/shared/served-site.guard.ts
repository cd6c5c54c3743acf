import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { NotFoundHere, type SecuredRequest } from '@alongside/platform/security';
import { ENROLMENT_CONFIG, serves, type EnrolmentConfig } from '../config/enrolment-config';

/**
 * A deployment that serves some sites only (ENROLMENT_SITES) holds nothing of the others: a path
 * at another site answers 404, as an absent object does, and nothing is ever written for it here.
 */
@Injectable()
export class ServedSiteGuard implements CanActivate {
  constructor(@Inject(ENROLMENT_CONFIG) private readonly config: EnrolmentConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const siteId = context.switchToHttp().getRequest<SecuredRequest>().params?.['siteId'];
    if (siteId !== undefined && !serves(this.config, siteId)) throw new NotFoundHere();
    return true;
  }
}
