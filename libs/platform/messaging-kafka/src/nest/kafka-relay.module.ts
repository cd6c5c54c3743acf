import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { KafkaRelay, type KafkaRelayOptions } from '../relay/kafka-relay';
import { callFactory, type AsyncOptions } from './async-options';
import { KafkaRelayHealthIndicator } from './kafka-relay.health';

/** Starts the relay once the app is up and lets its in-flight batch finish on shutdown. */
@Injectable()
export class KafkaRelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(KafkaRelay) private readonly relay: KafkaRelay) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/**
 * Runs the service's relay in-process. Every replica runs one; the lease makes one of them
 * publish and the others wait. A service that prefers a separate process uses `runRelay`.
 */
@Module({})
export class KafkaRelayModule {
  static forRootAsync(options: AsyncOptions<KafkaRelayOptions>): DynamicModule {
    return {
      module: KafkaRelayModule,
      imports: [...(options.imports ?? []), TerminusModule],
      providers: [
        {
          provide: KafkaRelay,
          inject: options.inject ?? [],
          useFactory: async (...dependencies: unknown[]) => new KafkaRelay(await callFactory(options, dependencies)),
        },
        KafkaRelayLifecycle,
        KafkaRelayHealthIndicator,
      ],
      exports: [KafkaRelay, KafkaRelayHealthIndicator],
    };
  }
}
