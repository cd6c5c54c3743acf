import { Controller, Get, Inject, Res, ServiceUnavailableException, type OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '@alongside/platform/security';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { KafkaConnectivity } from './kafka-connectivity';
import { ReadinessChecks } from './readiness-checks';

@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly kafka: KafkaConnectivity;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessChecks,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.kafka = new KafkaConnectivity(config.kafkaBrokers);
  }

  /** Alive: the process answers. Never checks dependencies, so a broker outage doesn't restart pods. */
  @Public()
  @Get('live')
  @ApiOkResponse({ description: 'The process is running' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready: the store, the broker and everything registered (relay, consumers, projections) are up. */
  @Public()
  @Get('ready')
  @HealthCheck()
  @ApiOkResponse({ description: 'Ready to serve' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the body says which' })
  async ready(@Res({ passthrough: true }) response: Response) {
    try {
      return await this.check();
    } catch (error) {
      // Answered here, not by the problem filter: the on-call engineer needs to see which
      // dependency is down, and none of this is secret.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse();
    }
  }

  private check() {
    return this.health.check([
      () => this.probe('database', async () => (await this.dataSource.query('select 1'), {})),
      () => this.probe('kafka', () => this.kafka.check()),
      ...this.readiness.entries().map(([name, check]) => () =>
        this.probe(name, async () => {
          const result = await check();
          if (!result.up) throw Object.assign(new Error('down'), { details: result.details });
          return result.details ?? {};
        }),
      ),
    ]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.kafka.close();
  }

  private async probe(name: string, check: () => Promise<Record<string, unknown>>) {
    const session = this.indicator.check(name);
    try {
      return session.up(await check());
    } catch (error) {
      const details = (error as { details?: Record<string, unknown> }).details;
      return session.down({ message: (error as Error).message, ...details });
    }
  }
}
