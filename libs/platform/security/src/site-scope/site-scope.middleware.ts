import { Injectable, type NestMiddleware } from '@nestjs/common';
import { siteScope } from './site-scope';

/**
 * Opens each request's (empty) site scope before Nest's guards run, so that every query the
 * request makes, wherever in the code, carries the sites the JWT guard admits into it.
 */
@Injectable()
export class SiteScopeMiddleware implements NestMiddleware {
  use(_request: unknown, _response: unknown, next: (error?: unknown) => void): void {
    siteScope.openRequest(() => next());
  }
}
