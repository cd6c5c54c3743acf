import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/**
 * OpenAPI 3 at `/openapi.json` and a browsable page at `/docs`, so a client or a fuzzer can be
 * generated from every route, body and response.
 */
export const setUpOpenApi = (app: INestApplication, context: string): void => {
  const config = new DocumentBuilder()
    .setTitle(`Alongside ${context} service`)
    .setDescription(
      `The ${context} service of Alongside. Every route is scoped to one site (/sites/:siteId/...); ` +
        'errors are application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
};
