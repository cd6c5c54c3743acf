import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics.registry';

/** Request latency by route template (not by raw path: ids would explode the label set). */
@Injectable()
export class RequestDurationMiddleware implements NestMiddleware {
  private readonly histogram: Histogram<'method' | 'route' | 'status'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.histogram = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.histogram.startTimer({ method: request.method });
    response.on('finish', () => {
      const route = (request.route?.path as string | undefined) ?? 'unmatched';
      end({ route: `${request.baseUrl}${route}`, status: String(response.statusCode) });
    });
    next();
  }
}
