import helmet from '@fastify/helmet';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { Env } from './config/env.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export function createAdapter(env: Env): FastifyAdapter {
  return new FastifyAdapter({
    // Bodies over the limit are refused with 413 before they are parsed.
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: true,
    // A caller's X-Request-Id is kept so the support desk can trace its own calls through our logs.
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
}

/** Everything an app needs besides its modules; shared by main.ts and the tests so they run the same app. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI at /docs needs inline styles and scripts; nothing is loaded from elsewhere.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Redress')
      .setDescription(
        'Complaint resolution: intake, first-line response, resolution, prevention and the customer committee. ' +
          'Errors are { statusCode, error, code, message, details: [{ field, problem }] }.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque token', description: 'A staff or API-client token' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
