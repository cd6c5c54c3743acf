import type { INestApplication } from '@nestjs/common';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's headers on every answer (HSTS, nosniff, frame denial, a strict CSP, no referrer leak,
 * no `X-Powered-By`). The defaults suit JSON APIs and the Swagger page; a web app served by a
 * service may pass its own CSP.
 */
export const applySecurityHeaders = (app: INestApplication, options: HelmetOptions = {}): INestApplication => {
  app.use(
    helmet({
      referrerPolicy: { policy: 'no-referrer' },
      ...options,
    }),
  );
  return app;
};
