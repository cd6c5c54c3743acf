import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventConsumer, type EventConsumerOptions } from '../consumer/event-consumer';
import { callFactory, type AsyncOptions } from './async-options';
import { EventConsumersHealthIndicator } from './event-consumers.health';
import { EventConsumers } from './event-consumers';

@Injectable()
export class EventConsumersLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(EventConsumers) private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.consumers.all.map((consumer) => consumer.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.all.map((consumer) => consumer.stop()));
  }
}

/** Runs a service's Kafka consumers in-process, each in its consumer group. */
@Module({})
export class EventConsumersModule {
  static forRootAsync(options: AsyncOptions<readonly EventConsumerOptions[]>): DynamicModule {
    return {
      module: EventConsumersModule,
      imports: [...(options.imports ?? []), TerminusModule],
      providers: [
        {
          provide: EventConsumers,
          inject: options.inject ?? [],
          useFactory: async (...dependencies: unknown[]) =>
            new EventConsumers((await callFactory(options, dependencies)).map((o) => new EventConsumer(o))),
        },
        EventConsumersLifecycle,
        EventConsumersHealthIndicator,
      ],
      exports: [EventConsumers, EventConsumersHealthIndicator],
    };
  }
}
