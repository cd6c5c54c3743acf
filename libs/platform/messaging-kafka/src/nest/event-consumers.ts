import type { EventConsumer } from '../consumer/event-consumer';

/** The consumers a service runs, as one provider: what the lifecycle and the health indicator see. */
export class EventConsumers {
  constructor(readonly all: readonly EventConsumer[]) {}
}
