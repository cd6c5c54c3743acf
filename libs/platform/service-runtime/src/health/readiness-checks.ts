import { Injectable } from '@nestjs/common';

export type ReadinessResult = Readonly<{ up: boolean; details?: Record<string, unknown> }>;
export type ReadinessCheck = () => Promise<ReadinessResult>;

/**
 * Whatever a service runs beside its HTTP routes (store, broker, relay, projections) registers a
 * check here, and `/health/ready` reports them all: one place for the on-call engineer to look.
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
  }
}
