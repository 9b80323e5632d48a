import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AdminModule } from './admin/admin.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { CommitteesModule } from './committees/committees.module.js';
import { CommonModule } from './common/common.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { redactUrl } from './common/redact-url.js';
import { TokenThrottlerGuard } from './common/token-throttler.guard.js';
import { validationPipe } from './common/validation.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { ENV } from './config/env.provider.js';
import type { Env } from './config/env.js';
import { DatabaseModule } from './database/database.module.js';
import { DeliveryModule } from './delivery/delivery.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { EmpathyGuardModule } from './empathy-guard/empathy-guard.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { HandoffsModule } from './handoffs/handoffs.module.js';
import { HealthModule } from './health/health.module.js';
import { ResolutionModule } from './resolution/resolution.module.js';
import { PreventionModule } from './prevention/prevention.module.js';
import { PublicModule } from './public/public.module.js';
import { RootCausesModule } from './root-causes/root-causes.module.js';
import { SettingsModule } from './settings/settings.module.js';
import { SlaModule } from './sla/sla.module.js';

@Global()
@Module({})
class EnvModule {
  static forRoot(env: Env): DynamicModule {
    return { module: EnvModule, providers: [{ provide: ENV, useValue: env }], exports: [ENV] };
  }
}

@Module({})
export class AppModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EnvModule.forRoot(env),
        CommonModule,
        LoggerModule.forRoot({
          // nestjs-pino's default route pattern ('{/*splat}') matches nothing under Nest 12's Fastify adapter,
          // which would silently drop every request log line; '*' matches every route.
          forRoutes: ['*'],
          pinoHttp: {
            level: env.LOG_LEVEL,
            // Fastify assigns the request id (configure-app.ts); pino-http logs it as req.id.
            // Bodies are never logged (they hold customer contact data); requests log method, id and the URL without
            // its query values.
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        DatabaseModule.forRoot(env),
        ...(env.WORKERS ? [ScheduleModule.forRoot()] : []),
        // The default throttler name gives the standard Retry-After and X-RateLimit-* headers.
        ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: env.RATE_LIMIT_PER_MINUTE }] }),
        AuthModule,
        PrivacyModule,
        AdminModule,
        SettingsModule,
        ComplaintsModule,
        HandoffsModule,
        ResolutionModule,
        EmpathyGuardModule,
        RootCausesModule,
        PreventionModule,
        CommitteesModule,
        PublicModule,
        SlaModule,
        WebhooksModule,
        DeliveryModule,
        HealthModule,
      ],
      providers: [
        // Guards run in this order: rate limit first, so guessing tokens is throttled too.
        { provide: APP_GUARD, useClass: TokenThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
